#include "passwdcommand.h"

#include "options.h"

#include "server/core/authservice.h"
#include "server/server.h"

#include <QFile>

#include <cstdio>

int runPasswdCommand(const Config& config, const Options& options)
{
    const QString username = options.isSet(QStringLiteral("user")) ? options.value(QStringLiteral("user"))
                                                                   : QStringLiteral("admin");
    if (username != u"admin") {
        std::fprintf(stderr, "gatehoused passwd: only the admin account exists in this version\n");
        return 2;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        std::fprintf(stderr, "gatehoused passwd: cannot read stdin\n");
        return 1;
    }
    QByteArray line = in.readLine(4 * 1024 + 2);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        std::fprintf(stderr, "gatehoused passwd: no password on stdin\n");
        return 2;
    }
    Server server(config, nullptr);
    QString error;
    if (!server.open(&error)) {
        std::fprintf(stderr, "gatehoused passwd: %s\n", qPrintable(error));
        return 1;
    }
    Principal actor;
    actor.username = QStringLiteral("cli");
    const auto failure = server.auth().setPasswordNow(server.auth().adminAccountId(), QString::fromUtf8(line), actor, {});
    if (failure) {
        std::fprintf(stderr, "gatehoused passwd: %s\n", qPrintable(failure->message));
        return 2;
    }
    std::printf("password of %s set\n", qPrintable(username));
    return 0;
}
