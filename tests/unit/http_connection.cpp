// Connection handling around QHttpServer 6.4: keep-alive and close semantics, pipelined
// answers in order, vanished clients, deadlines, connection caps with eviction, shutdown.
#include "http_testsupport.h"

#include <QElapsedTimer>

#include <sys/resource.h>

using namespace httptest;

class HttpConnectionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void http10_data();
    void http10();
    void connectionCloseIsHonoured();
    void pipelinedAnswersKeepRequestOrder();
    void clientGoneDuringSlowRequest();
    void slowHeadersAreCutOff();
    void silentConnectionIsClosed();
    void idleKeepAliveIsClosed();
    void thousandIdleConnectionsDoNotLockOut();
    void busyConnectionsRefuseNewcomers();
    void closeAnswersInFlightRequests();
    void idleOnceTheLastConnectionClosed();

private:
    std::shared_ptr<RouteState> m_state;
    std::unique_ptr<HttpServer> m_server;
};

void HttpConnectionTest::initTestCase()
{
    // Two descriptors per test connection (client and server side).
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    limit.rlim_cur = limit.rlim_max;
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
}

void HttpConnectionTest::init()
{
    m_state = std::make_shared<RouteState>();
    ConnectionLimits limits;
    limits.headerTimeoutMs = 500;
    limits.idleTimeoutMs = 600;
    m_server = startServer(m_state, limits);
    QVERIFY(m_server);
}

void HttpConnectionTest::cleanup()
{
    m_server.reset();
}

void HttpConnectionTest::http10_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("connection");
    QTest::addColumn<bool>("staysOpen");
    QTest::newRow("HTTP/1.0") << QByteArray("GET /hello HTTP/1.0\r\n\r\n") << QByteArray("close") << false;
    QTest::newRow("HTTP/1.0 keep-alive") << QByteArray("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                                         << QByteArray("keep-alive") << true;
}

void HttpConnectionTest::http10()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, connection);
    QFETCH(bool, staysOpen);
    RawClient client(m_server->port());
    client.write(request);
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 1, 5000);
    QCOMPARE(client.responses().first().status, 200);
    QCOMPARE(client.responses().first().header("Connection"), connection);
    if (!staysOpen) {
        QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
        return;
    }
    client.write(request);
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 2, 5000);
    QVERIFY(!client.isClosed());
}

void HttpConnectionTest::connectionCloseIsHonoured()
{
    RawClient client(m_server->port());
    client.write("GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 1); // nothing after the connection's last request is read
    QCOMPARE(responses[0].body, QByteArray("slow"));
    QCOMPARE(responses[0].header("Connection"), QByteArray("close"));
}

void HttpConnectionTest::pipelinedAnswersKeepRequestOrder()
{
    RawClient client(m_server->port());
    client.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                 "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                 "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 4, 5000);
    const auto responses = client.responses();
    QCOMPARE(responses[0].body, QByteArray("slow"));
    QCOMPARE(responses[1].body, QByteArray("hello"));
    QCOMPARE(responses[2].body, QByteArray("abc"));
    QCOMPARE(responses[3].status, 404);
    QVERIFY(!client.isClosed());
}

void HttpConnectionTest::clientGoneDuringSlowRequest()
{
    {
        RawClient client(m_server->port());
        client.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_state->slowStarted, 1, 5000);
        client.socket().abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_state->slowDone, 1, 5000);
    QVERIFY(m_state->slowSawClientGone);
    RawClient next(m_server->port());
    next.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(next.responses().size(), 1, 5000);
}

void HttpConnectionTest::slowHeadersAreCutOff()
{
    RawClient client(m_server->port());
    client.write("GET /hello HTTP/1.1\r\nHost: x\r\n");
    int line = 0;
    QTimer dribble;
    connect(&dribble, &QTimer::timeout, this,
            [&] { client.write("X-Line-" + QByteArray::number(++line) + ": 1\r\n"); });
    dribble.start(100);
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QVERIFY2(clock.elapsed() >= 400 && clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(client.data().isEmpty());
    QVERIFY(line >= 3);
}

void HttpConnectionTest::silentConnectionIsClosed()
{
    RawClient client(m_server->port());
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QVERIFY2(clock.elapsed() >= 400 && clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->connectionCount(), 0);
}

void HttpConnectionTest::idleKeepAliveIsClosed()
{
    RawClient client(m_server->port());
    client.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 1, 5000);
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QVERIFY2(clock.elapsed() >= 450 && clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

void HttpConnectionTest::thousandIdleConnectionsDoNotLockOut()
{
    m_server = startServer(m_state, ConnectionLimits{}); // production deadlines: nothing times out here
    QVERIFY(m_server);
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 1000; ++i)
        idle.push_back(std::make_unique<RawClient>(m_server->port()));
    const auto settled = [&] {
        return std::all_of(idle.begin(), idle.end(), [](const auto& c) {
            return c->isClosed() || c->socket().state() == QAbstractSocket::ConnectedState;
        });
    };
    QVERIFY(QTest::qWaitFor(settled, 20000));
    const int cap = ConnectionLimits{}.maxConnectionsPerIp;
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), cap, 20000);

    RawClient newcomer(m_server->port());
    newcomer.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(newcomer.responses().size(), 1, 10000);
    QCOMPARE(newcomer.responses().first().status, 200);
    // Every connection beyond the cap evicted the oldest idle one.
    const auto closed = [&] {
        return std::count_if(idle.begin(), idle.end(), [](const auto& c) { return c->isClosed(); });
    };
    QTRY_COMPARE_WITH_TIMEOUT(int(closed()), 1000 - cap + 1, 10000);
    QVERIFY(idle.front()->isClosed());
    QVERIFY(!idle.back()->isClosed());
}

void HttpConnectionTest::busyConnectionsRefuseNewcomers()
{
    ConnectionLimits limits;
    limits.maxConnectionsPerIp = 2;
    m_server = startServer(m_state, limits);
    QVERIFY(m_server);
    RawClient first(m_server->port());
    RawClient second(m_server->port());
    first.write("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    second.write("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(m_state->held.size(), size_t(2), 5000);

    RawClient refused(m_server->port()); // both connections are busy: nobody can be evicted
    QTRY_VERIFY_WITH_TIMEOUT(refused.isClosed(), 5000);
    QCOMPARE(m_server->connectionCount(), 2);

    for (Responder& responder : m_state->held)
        responder.send(200, "held", "text/plain");
    QTRY_COMPARE_WITH_TIMEOUT(first.responses().size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(second.responses().size(), 1, 5000);

    RawClient welcome(m_server->port()); // now the oldest idle one makes room
    welcome.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(welcome.responses().size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(first.isClosed(), 5000);
    QVERIFY(!second.isClosed());
}

void HttpConnectionTest::closeAnswersInFlightRequests()
{
    RawClient idle(m_server->port());
    RawClient busy(m_server->port());
    busy.write("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(m_state->held.size(), size_t(1), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 2, 5000);

    m_server->close();
    QTRY_VERIFY_WITH_TIMEOUT(idle.isClosed(), 5000);
    QVERIFY(!busy.isClosed());
    m_state->held.front().send(200, "held", "text/plain");
    QTRY_VERIFY_WITH_TIMEOUT(busy.isClosed(), 5000);
    QCOMPARE(busy.responses().size(), 1);
    QCOMPARE(busy.responses().first().header("Connection"), QByteArray("close"));

    RawClient late(m_server->port()); // no longer accepting
    QTRY_VERIFY_WITH_TIMEOUT(late.isClosed() || late.socket().state() == QAbstractSocket::UnconnectedState, 5000);
}

void HttpConnectionTest::idleOnceTheLastConnectionClosed()
{
    int idle = 0;
    const auto server = startServer(m_state, ConnectionLimits{}, std::nullopt, [&idle] { ++idle; });
    QVERIFY(server);
    QTcpSocket first;
    QTcpSocket second;
    for (QTcpSocket* socket : {&first, &second}) {
        socket->connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(socket->waitForConnected(5000));
    }
    QTRY_COMPARE(server->connectionCount(), 2);
    first.disconnectFromHost();
    QTRY_COMPARE(server->connectionCount(), 1);
    QTest::qWait(1300); // longer than the idle delay: one connection is still open
    QCOMPARE(idle, 0);
    second.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(idle, 1, 5000); // about a second after the last one closed
    QTest::qWait(300);
    QCOMPARE(idle, 1); // once, not once a tick
}

QTEST_GUILESS_MAIN(HttpConnectionTest)
#include "http_connection.moc"
