// No connection may end up outside the guard's deadlines and eviction (issue 11, finding 7):
// an upgrade the guard accepted but QHttpServer served as plain HTTP (the guard believed in a
// WebSocket that never came), and one whose WebSocket handshake never completes. The guard is
// driven directly over a loopback connection, with a stand-in for QHttpServer's slot, connected
// when the guard hands the socket over.
#include "http/connectionguard.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <limits>
#include <memory>

namespace {

const QByteArray kUpgrade = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

} // namespace

class HttpUpgradeEscapeTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void upgradeServedAsHttpIsClosed();
    void stalledHandshakeHasADeadline();

private:
    // Accepts one loopback connection and puts a guard (whose hook accepts every upgrade) in
    // front of `httpSlot`, which stands in for QHttpServer's readyRead slot.
    void connectGuard(std::function<void(QTcpSocket*)> httpSlot);

    QTcpServer m_listener;
    std::unique_ptr<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_serverSocket;
    QPointer<ConnectionGuard> m_guard;
    QObject m_httpServer;
};

void HttpUpgradeEscapeTest::init()
{
    QVERIFY(m_listener.listen(QHostAddress::LocalHost, 0));
    m_client = std::make_unique<QTcpSocket>();
}

void HttpUpgradeEscapeTest::cleanup()
{
    m_client.reset();
    delete m_serverSocket.data();
    m_listener.close();
}

void HttpUpgradeEscapeTest::connectGuard(std::function<void(QTcpSocket*)> httpSlot)
{
    m_client->connectToHost(QHostAddress::LocalHost, m_listener.serverPort());
    QVERIFY(m_listener.waitForNewConnection(5000));
    m_serverSocket = m_listener.nextPendingConnection();
    QVERIFY(m_serverSocket);
    auto context = std::make_shared<ConnectionContext>();
    context->limits.headerTimeoutMs = 300;
    context->upgradeHook = [](const UpgradeRequest&) { return 0; };
    m_guard = new ConnectionGuard(m_serverSocket, m_serverSocket->peerAddress(), 1, std::move(context), nullptr);
    QTcpSocket* socket = m_serverSocket;
    // As the listener does: QHttpServer gets the socket once the guard accepted its upgrade.
    connect(m_guard, &ConnectionGuard::upgradeAccepted, &m_httpServer, [this, socket, httpSlot] {
        connect(socket, &QIODevice::readyRead, &m_httpServer, [socket, httpSlot] { httpSlot(socket); });
    });
    m_guard->start();
    QVERIFY(m_client->waitForConnected(5000));
}

// QHttpServer read the request and kept the socket as HTTP: the guard, which let the upgrade
// through, must not keep the connection as an undeadlined, unevictable "WebSocket".
void HttpUpgradeEscapeTest::upgradeServedAsHttpIsClosed()
{
    connectGuard([](QTcpSocket* socket) { socket->readAll(); });
    m_client->write(kUpgrade);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->state() == QAbstractSocket::UnconnectedState, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_guard, 5000);
}

// QHttpServer took the socket for its WebSocket server (disconnecting everything from it, as
// 6.4 does) but the handshake never completes: the header deadline still applies.
void HttpUpgradeEscapeTest::stalledHandshakeHasADeadline()
{
    connectGuard([](QTcpSocket* socket) { socket->disconnect(); });
    m_client->write(kUpgrade);
    QTRY_VERIFY_WITH_TIMEOUT(m_guard && m_guard->isUpgrading(), 5000);
    const qint64 deadline = m_guard->deadlineMs();
    QVERIFY2(deadline <= monotonicMs() + 300, qPrintable(QString::number(deadline - monotonicMs())));
    QVERIFY(m_guard->isBusy());
    m_guard->expire(); // what the listener's sweep does once the deadline has passed
    QTRY_VERIFY_WITH_TIMEOUT(m_client->state() == QAbstractSocket::UnconnectedState, 5000);
}

QTEST_GUILESS_MAIN(HttpUpgradeEscapeTest)
#include "http_upgradeescape.moc"
