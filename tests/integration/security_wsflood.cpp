// WebSocket ping flood (issue 11, finding 6): QWebSocket answers every ping with a pong by
// itself, so a client that sends pings and never reads made the real gatehoused queue every
// pong (250 MiB of pings grew it by ~240 MB). Every byte queued for a log stream counts
// against one cap, pongs included: the server closes the connection instead of buffering,
// its peak RSS (VmHWM) stays far below the flood's volume, and it keeps serving. Plain HTTP
// and TLS, raw bytes.
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/rawclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 FloodBytes = 40 * kMiB;
constexpr qint64 AllowedGrowth = 16 * kMiB; // the cap is 1 MiB; socket buffers and allocator slack above it

// 1 MiB of masked client ping frames, each with the largest payload a control frame may carry.
QByteArray pingBlock()
{
    QByteArray frame("\x89\xfd", 2); // FIN + ping; masked, 125 bytes
    const quint32 mask = QRandomGenerator::global()->generate();
    frame.append(reinterpret_cast<const char*>(&mask), 4);
    frame.append(QByteArray(125, 'p')); // masked or not, the server answers with the same bytes
    QByteArray block;
    while (block.size() + frame.size() <= kMiB)
        block += frame;
    return block;
}

} // namespace

class SecurityWsFloodTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void pingFloodIsCapped_data();
    void pingFloodIsCapped();

private:
    std::unique_ptr<RawClient> client(bool tls) const;
    QByteArray wsToken(bool tls) const;
    int status(bool tls, const QByteArray& path) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<GatehousedProcess> m_server;
};

void SecurityWsFloodTest::cleanup()
{
    if (m_server && m_server->isRunning())
        QVERIFY2(m_server->terminate(), "gatehoused did not exit on SIGTERM");
    m_server.reset();
    m_dataDir.reset();
}

std::unique_ptr<RawClient> SecurityWsFloodTest::client(bool tls) const
{
    auto raw =
        std::make_unique<RawClient>(QStringLiteral("127.0.0.1"), m_server->port(), tls, m_server->certificatePath());
    if (!raw->connectToServer())
        qWarning("connect failed: %s", qPrintable(raw->errorString()));
    return raw;
}

// Authentication is off (no admin password yet): the anonymous admin may read the logs.
QByteArray SecurityWsFloodTest::wsToken(bool tls) const
{
    auto raw = client(tls);
    if (!raw->send(RawClient::request("GET", "/api/ws-token")))
        return {};
    const auto response = raw->readResponse();
    if (!response)
        return {};
    return QJsonDocument::fromJson(response->body).object().value(QStringLiteral("token")).toString().toLatin1();
}

int SecurityWsFloodTest::status(bool tls, const QByteArray& path) const
{
    auto raw = client(tls);
    if (!raw->send(RawClient::request("GET", path)))
        return -1;
    const auto response = raw->readResponse();
    return response ? response->status : -1;
}

void SecurityWsFloodTest::pingFloodIsCapped_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("tls") << true;
}

void SecurityWsFloodTest::pingFloodIsCapped()
{
    QFETCH(bool, tls);
    QProcessEnvironment env;
    env.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<GatehousedProcess>();
    QVERIFY2(m_server->start(m_dataDir->path(), tls, {}, GatehousedProcess::testEnvironment(env)),
             qPrintable(m_server->startError()));
    const QByteArray token = wsToken(tls);
    QVERIFY(!token.isEmpty());

    auto raw = client(tls);
    QVERIFY(raw->send("GET /api/ws/logs?token=" + token
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"));
    QTcpSocket* socket = raw->socket();
    QByteArray handshake;
    while (!handshake.contains("\r\n\r\n") && socket->waitForReadyRead(10'000))
        handshake += socket->readAll();
    QVERIFY2(handshake.startsWith("HTTP/1.1 101"), handshake.constData());

    // From here on the client reads nothing: its buffer stays small, the kernel's fill up,
    // and every pong the server makes has to wait in the server.
    socket->setReadBufferSize(4096);
    const qint64 baseline = m_server->peakRssBytes();
    const QByteArray block = pingBlock();
    qint64 sent = 0;
    while (sent < FloodBytes && raw->send(block, 10'000))
        sent += block.size();
    const bool cutOff = socket->state() != QAbstractSocket::ConnectedState;
    if (!cutOff) { // everything went out: the server must have hung up (or hang up now)
        socket->setReadBufferSize(0);
        QVERIFY2(raw->waitForClosed(10'000), "the server kept a flooding WebSocket open");
    }
    const qint64 growth = m_server->peakRssBytes() - baseline;
    qInfo("ping flood (%s): %lld MiB sent before the server closed, VmHWM grew by %lld KiB", tls ? "tls" : "http",
          sent / kMiB, growth / 1024);
    QVERIFY2(baseline > 0 && growth < AllowedGrowth,
             qPrintable(QStringLiteral("VmHWM grew by %1 KiB").arg(growth / 1024)));

    QVERIFY(m_server->isRunning());
    QCOMPARE(status(tls, "/flex/health"), 200);
}

QTEST_GUILESS_MAIN(SecurityWsFloodTest)
#include "security_wsflood.moc"
