#include "servicenotifier.h"

#include <QByteArray>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

bool ServiceNotifier::notify(QByteArrayView state)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty())
        return true;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    // "@name" is an abstract socket: a leading NUL instead of the '@', no terminator.
    if (path.size() < 2 || std::size_t(path.size()) >= sizeof(address.sun_path)
        || (path.front() != '/' && path.front() != '@'))
        return false;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    if (path.front() == '@')
        address.sun_path[0] = '\0';
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + std::size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const ssize_t sent = ::sendto(fd, state.data(), std::size_t(state.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr*>(&address), length);
    ::close(fd);
    return sent == state.size();
}
