// gatehoused under systemd's protocols, spoken by the test as systemd would: readiness over
// $NOTIFY_SOCKET (READY=1 once serving, STOPPING=1 on SIGTERM; a path and an abstract
// socket) and the admin password seed as a credential in $CREDENTIALS_DIRECTORY.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/restclient.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace {

// A datagram socket like the one systemd listens on for Type=notify services.
class NotifySocket
{
public:
    // `name`: a path, or "@name" for an abstract socket.
    explicit NotifySocket(const QByteArray& name) : m_name(name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.constData(), std::size_t(name.size()));
        if (name.startsWith('@'))
            address.sun_path[0] = '\0';
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + std::size_t(name.size()));
        m_bound = m_fd >= 0 && ::bind(m_fd, reinterpret_cast<const sockaddr*>(&address), length) == 0;
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    bool isBound() const { return m_bound; }
    QByteArray name() const { return m_name; }

    // The next message, or "" when none came within the timeout.
    QByteArray receive(int timeoutMs)
    {
        pollfd waiting{m_fd, POLLIN, 0};
        if (::poll(&waiting, 1, timeoutMs) != 1)
            return {};
        char buffer[4096];
        const ssize_t size = ::recv(m_fd, buffer, sizeof buffer, 0);
        return size > 0 ? QByteArray(buffer, int(size)) : QByteArray();
    }

private:
    QByteArray m_name;
    int m_fd = -1;
    bool m_bound = false;
};

} // namespace

class ServiceSystemdTest : public QObject
{
    Q_OBJECT

private slots:
    void readinessAndStop_data();
    void readinessAndStop();
    void adminPasswordFromCredential();

private:
    GatehousedProcess m_server;
};

void ServiceSystemdTest::readinessAndStop_data()
{
    QTest::addColumn<bool>("abstract");
    QTest::newRow("socket path") << false;
    QTest::newRow("abstract socket") << true;
}

void ServiceSystemdTest::readinessAndStop()
{
    QFETCH(bool, abstract);
    QTemporaryDir dir;
    const QByteArray name = abstract ? QByteArray("@gatehouse-notify-") + QByteArray::number(::getpid())
                                     : QFile::encodeName(dir.filePath(QStringLiteral("notify")));
    NotifySocket notify(name);
    QVERIFY(notify.isBound());
    QProcessEnvironment env;
    env.insert(QStringLiteral("NOTIFY_SOCKET"), QString::fromLocal8Bit(name));
    QVERIFY2(m_server.start(dir.filePath(QStringLiteral("data")), true, {}, GatehousedProcess::testEnvironment(env)),
             qPrintable(m_server.startError()));
    QCOMPARE(notify.receive(10'000), QByteArray("READY=1"));
    QVERIFY(m_server.terminate());
    QCOMPARE(m_server.exitCode(), 0);
    QCOMPARE(notify.receive(10'000), QByteArray("STOPPING=1"));
}

void ServiceSystemdTest::adminPasswordFromCredential()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString credentials = dir.filePath(QStringLiteral("credentials"));
    QVERIFY(QDir().mkpath(credentials));
    QFile seed(credentials + QStringLiteral("/admin-password"));
    QVERIFY(seed.open(QIODevice::WriteOnly));
    seed.write(TestPasswords::first().toUtf8() + '\n');
    seed.close();
    QProcessEnvironment env;
    env.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), credentials);
    QVERIFY2(m_server.start(dir.filePath(QStringLiteral("data")), false, {}, GatehousedProcess::testEnvironment(env)),
             qPrintable(m_server.startError()));
    HttpClient http;
    RestClient rest(http, [this](const QString& path) { return QUrl(m_server.url(path)); });
    QCOMPARE(rest.login(QStringLiteral("admin"), TestPasswords::first()).status, 200);
    QCOMPARE(rest.login(QStringLiteral("admin"), TestPasswords::wrong()).status, 401);
    // The log names the file it seeded from, never the password.
    QVERIFY(m_server.terminate());
    const QByteArray log = m_server.stderrData();
    QVERIFY2(log.contains("seeded from"), log.constData());
    QVERIFY(!log.contains(TestPasswords::first().toUtf8()));
}

QTEST_GUILESS_MAIN(ServiceSystemdTest)
#include "service_systemd.moc"
