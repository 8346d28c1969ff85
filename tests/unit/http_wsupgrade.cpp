// WebSocket upgrades through the connection guard: the UpgradeHook decides before
// QHttpServer reads the request; an accepted upgrade becomes a WebSocket that the header and
// idle deadlines leave alone, that counts against the caps (and is evictable) until it is
// gone; refused ones get the hook's status, a non-GET / bodied / non-WebSocket upgrade or
// one pipelined behind unanswered requests is refused too, and the connection is closed.
#include "http_testsupport.h"

#include <QSignalSpy>
#include <QUrlQuery>
#include <QWebSocket>

using namespace httptest;

namespace {

QByteArray upgrade(const QByteArray& target, const QByteArray& method = "GET", const QByteArray& extra = {})
{
    return method + ' ' + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + extra + "\r\n";
}

} // namespace

class HttpWsUpgradeTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptedUpgradeBecomesWebSocket();
    void refused_data();
    void refused();
    void pipelinedUpgradeIsRefused();
    void webSocketIsEvictable();

private:
    bool start(const ConnectionLimits& limits);
    bool openClient(QWebSocket& client, const QByteArray& token);

    std::shared_ptr<RouteState> m_state;
    std::unique_ptr<HttpServer> m_server;
    QList<UpgradeRequest> m_seen;
    int m_serverSockets = 0;
};

void HttpWsUpgradeTest::init()
{
    m_state = std::make_shared<RouteState>();
    m_seen.clear();
    m_serverSockets = 0;
}

void HttpWsUpgradeTest::cleanup()
{
    m_server.reset();
}

// /ws?token=good is accepted, other /ws requests get 403, any other path 404. Server-side
// sockets echo text and are deleted when they disconnect.
bool HttpWsUpgradeTest::start(const ConnectionLimits& limits)
{
    auto server = std::make_unique<HttpServer>(testRoutes(m_state), renderError);
    HttpServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.limits = limits;
    options.upgradeHook = [this](const UpgradeRequest& request) {
        m_seen.append(request);
        if (request.path != u"/ws")
            return 404;
        return QUrlQuery(request.query).queryItemValue(u"token"_s) == u"good" ? 0 : 403;
    };
    connect(server.get(), &HttpServer::webSocketConnected, this, [this](QWebSocket* socket) {
        socket->setParent(this);
        ++m_serverSockets;
        connect(socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString& text) { socket->sendTextMessage(u"echo:"_s + text); });
        connect(socket, &QWebSocket::disconnected, socket, [this, socket] {
            --m_serverSockets;
            socket->deleteLater();
        });
    });
    QString error;
    if (!server->listen(options, &error)) {
        qWarning() << "listen failed:" << error;
        return false;
    }
    m_server = std::move(server);
    return true;
}

bool HttpWsUpgradeTest::openClient(QWebSocket& client, const QByteArray& token)
{
    QSignalSpy connected(&client, &QWebSocket::connected);
    client.open(QUrl(u"ws://127.0.0.1:%1/ws?token=%2"_s.arg(m_server->port()).arg(QString::fromLatin1(token))));
    return connected.wait(5000);
}

void HttpWsUpgradeTest::acceptedUpgradeBecomesWebSocket()
{
    ConnectionLimits limits;
    limits.headerTimeoutMs = 200;
    limits.idleTimeoutMs = 300;
    QVERIFY(start(limits));

    QWebSocket client(u"http://127.0.0.1"_s);
    QVERIFY(openClient(client, "good"));
    QCOMPARE(m_seen.size(), 1);
    QCOMPARE(m_seen[0].path, u"/ws"_s);
    QCOMPARE(m_seen[0].query, u"token=good"_s);
    QCOMPARE(m_seen[0].host, QByteArray("127.0.0.1:") + QByteArray::number(m_server->port()));
    QCOMPARE(m_seen[0].origin, QByteArray("http://127.0.0.1"));
    QTRY_COMPARE_WITH_TIMEOUT(m_serverSockets, 1, 5000);
    QCOMPARE(m_server->connectionCount(), 1); // still counted against the caps

    // An idle HTTP connection opened after it is closed by its deadline; the WebSocket,
    // idle just as long, is not.
    RawClient idle(m_server->port());
    QTRY_VERIFY_WITH_TIMEOUT(idle.isClosed(), 5000);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.sendTextMessage(u"ping"_s);
    QVERIFY(received.wait(5000));
    QCOMPARE(received.first().at(0).toString(), u"echo:ping"_s);

    // Once the WebSocket is gone, so is its connection.
    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(m_serverSockets, 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);

    RawClient after(m_server->port());
    after.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(!after.responses().isEmpty(), 5000);
    QCOMPARE(after.responses().first().body, QByteArray("hello"));
}

void HttpWsUpgradeTest::refused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("hookCalls");
    QTest::newRow("hook refuses") << upgrade("/ws?token=bad") << 403 << 1;
    QTest::newRow("no token") << upgrade("/ws") << 403 << 1;
    QTest::newRow("other path") << upgrade("/elsewhere?token=good") << 404 << 1;
    QTest::newRow("POST") << upgrade("/ws?token=good", "POST") << 404 << 0;
    QTest::newRow("with a body") << upgrade("/ws?token=good", "GET", "Content-Length: 3\r\n") + "abc" << 400 << 0;
    QTest::newRow("not websocket") << QByteArray(
        "GET /ws?token=good HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n")
                                   << 404 << 0;
    QTest::newRow("Upgrade without Connection")
        << QByteArray("GET /ws?token=good HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n") << 404 << 0;
}

void HttpWsUpgradeTest::refused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(int, hookCalls);
    QVERIFY(start(ConnectionLimits{}));

    RawClient client(m_server->port());
    client.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses[0].status, status);
    QCOMPARE(responses[0].json().value(u"status").toInt(), status);
    QVERIFY(!client.data().contains("101 Switching"));
    QCOMPARE(m_seen.size(), hookCalls);
    QCOMPARE(m_serverSockets, 0);
}

// The handshake's answer must not overtake the answer of an earlier request.
void HttpWsUpgradeTest::pipelinedUpgradeIsRefused()
{
    QVERIFY(start(ConnectionLimits{}));
    RawClient client(m_server->port());
    client.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n" + upgrade("/ws?token=good"));
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses[0].body, QByteArray("slow"));
    QCOMPARE(responses[1].status, 400);
    QVERIFY(m_seen.isEmpty());
}

// At the per-address cap a WebSocket is as evictable as an idle connection, so streams
// cannot lock their address out.
void HttpWsUpgradeTest::webSocketIsEvictable()
{
    ConnectionLimits limits;
    limits.maxConnectionsPerIp = 1;
    QVERIFY(start(limits));
    QWebSocket client;
    QVERIFY(openClient(client, "good"));
    QSignalSpy disconnected(&client, &QWebSocket::disconnected);

    RawClient newcomer(m_server->port());
    newcomer.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(!newcomer.responses().isEmpty(), 5000);
    QCOMPARE(newcomer.responses().first().status, 200);
    QVERIFY(disconnected.count() > 0 || disconnected.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(m_serverSockets, 0, 5000);
}

QTEST_MAIN(HttpWsUpgradeTest)
#include "http_wsupgrade.moc"
