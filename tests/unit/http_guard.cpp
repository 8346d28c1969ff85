// The connection guard's request limits: body and header caps, malformed framing,
// refused upgrades, and a 200 MB upload refused from its headers without buffering.
#include "http_testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace httptest;

namespace {

QByteArray fields(int count, int valueSize = 1)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "X-Field-" + QByteArray::number(i) + ": " + QByteArray(valueSize, 'v') + "\r\n";
    return out;
}

QByteArray chunked(const QList<int>& sizes)
{
    QByteArray out = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int size : sizes)
        out += QByteArray::number(size, 16) + "\r\n" + QByteArray(size, 'c') + "\r\n";
    return out + "0\r\n\r\n";
}

QByteArray withLength(qint64 length)
{
    return "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(length) + "\r\n\r\n"
        + QByteArray(length, 'b');
}

} // namespace

class HttpGuardTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void limits_data();
    void limits();
    void refusalClosesAfterEarlierAnswers();
    void dribbledRequestIsFramedOnce();
    void hugeDeclaredBodyIsNotBuffered();
    void expectContinue();

private:
    std::shared_ptr<RouteState> m_state;
    std::unique_ptr<HttpServer> m_server;
};

void HttpGuardTest::init()
{
    m_state = std::make_shared<RouteState>();
    ConnectionLimits limits;
    limits.idleTimeoutMs = 1000;
    m_server = startServer(m_state, limits);
    QVERIFY(m_server);
}

void HttpGuardTest::cleanup()
{
    m_server.reset();
}

void HttpGuardTest::limits_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorPath"); // for refusals: the path the error renderer saw

    QTest::newRow("body 64 KiB") << withLength(65536) << 200 << QString();
    QTest::newRow("body 64 KiB + 1") << withLength(65537) << 413 << u"/echo"_s;
    QTest::newRow("chunked 64 KiB") << chunked({32768, 32767, 1}) << 200 << QString();
    QTest::newRow("chunked 64 KiB + 1") << chunked({32768, 32768, 1}) << 413 << u"/echo"_s;
    QTest::newRow("chunk size beyond the cap") << chunked({70000}) << 413 << u"/echo"_s;

    // At 101 fields QHttpServer 6.4 silently drops every header, Content-Length included.
    QTest::newRow("100 fields") << "POST /echo HTTP/1.1\r\nHost: x\r\n" + fields(98) + "Content-Length: 3\r\n\r\nabc"
                                << 200 << QString();
    QTest::newRow("101 fields") << "POST /echo HTTP/1.1\r\nHost: x\r\n" + fields(99) + "Content-Length: 3\r\n\r\nabc"
                                << 431 << u"/echo"_s;
    QTest::newRow("15 KiB header block") << "GET /hello HTTP/1.1\r\nHost: x\r\n" + fields(2, 7600) + "\r\n"
                                         << 200 << QString();
    QTest::newRow("17 KiB header block") << "GET /hello HTTP/1.1\r\nHost: x\r\n" + fields(3, 5900) + "\r\n"
                                         << 431 << u"/hello"_s;
    QTest::newRow("one field over 8 KiB") << "GET /hello HTTP/1.1\r\nHost: x\r\n" + fields(1, 8300) + "\r\n"
                                          << 431 << u"/hello"_s;
    QTest::newRow("15 KiB request line") << "GET /hello?" + QByteArray(15000, 'q') + " HTTP/1.1\r\nHost: x\r\n\r\n"
                                         << 200 << QString();
    QTest::newRow("17 KiB request line") << "GET /hello?" + QByteArray(17000, 'q') + " HTTP/1.1\r\nHost: x\r\n\r\n"
                                         << 431 << u"/hello"_s;

    QTest::newRow("binary garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400
                                    << QString();
    QTest::newRow("no HTTP version") << QByteArray("GET /hello\r\n\r\n") << 400 << u"/hello"_s;
    QTest::newRow("lowercase method") << QByteArray("get /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << QString();
    QTest::newRow("space in a header name")
        << QByteArray("GET /hello HTTP/1.1\r\nHost: x\r\nX Y: z\r\n\r\n") << 400 << u"/hello"_s;
    QTest::newRow("length and chunked") << QByteArray(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3\r\nabc\r\n0\r\n\r\n") << 400 << u"/echo"_s;
    QTest::newRow("two lengths") << QByteArray(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
                                 << 400 << u"/echo"_s;
    QTest::newRow("chunked trailer") << QByteArray(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")
                                     << 400 << u"/echo"_s;
    QTest::newRow("bad chunk size") << QByteArray(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 400 << u"/echo"_s;
    QTest::newRow("websocket upgrade") << QByteArray(
        "GET /api/ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                                       << 404 << u"/api/ws"_s;
}

void HttpGuardTest::limits()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, errorPath);

    RawClient client(m_server->port());
    client.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(!client.responses().isEmpty(), 5000);
    const RawResponse response = client.responses().first();
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
    if (status == 200)
        return;
    QCOMPARE(response.json().value(u"status").toInt(), status);
    QCOMPARE(response.json().value(u"path").toString(), errorPath);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
}

void HttpGuardTest::refusalClosesAfterEarlierAnswers()
{
    RawClient client(m_server->port());
    client.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\nNONSENSE\r\n\r\n"
                 "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses[0].body, QByteArray("slow"));
    QCOMPARE(responses[1].body, QByteArray("hello"));
    QCOMPARE(responses[2].status, 400);
}

// Every byte must be framed once, and a partial request stays in the socket across many
// readyRead signals until it is whole.
void HttpGuardTest::dribbledRequestIsFramedOnce()
{
    RawClient client(m_server->port());
    const QByteArray request = "POST /echo HTTP/1.1\r\nHost: x\r\n" + fields(20)
        + "Content-Length: 5\r\n\r\nabcde"
          "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    QVERIFY(QTest::qWaitFor([&] { return client.socket().state() == QAbstractSocket::ConnectedState; }, 5000));
    for (qsizetype i = 0; i < request.size(); i += 7) {
        client.write(request.mid(i, 7));
        client.socket().flush(); // to the kernel now, so the server reads each fragment on its own
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 2, 5000);
    QCOMPARE(client.responses()[0].body, QByteArray("abcde"));
    QCOMPARE(client.responses()[1].body, QByteArray("hello"));
    QVERIFY(!client.isClosed());
}

// A raw socket, because QTcpSocket closes on the server's half-close and would stop sending.
void HttpGuardTest::hugeDeclaredBodyIsNotBuffered()
{
    constexpr qint64 Declared = 200 * 1024 * 1024;
    const qint64 peakBefore = peakRssKiB();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_server->port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    const QByteArray head =
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(Declared) + "\r\n\r\n";
    QCOMPARE(::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL), ssize_t(head.size()));

    const QByteArray chunk(256 * 1024, 'x');
    QByteArray received;
    qint64 sent = 0;
    qint64 sentAfterAnswer = 0;
    qint64 answeredAfterMs = -1;
    bool sendFailed = false;
    QElapsedTimer clock;
    clock.start();
    const auto pump = [&] {
        while (!sendFailed && sent < Declared) {
            const ssize_t n = ::send(fd, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0) {
                sendFailed = errno != EAGAIN && errno != EWOULDBLOCK;
                break;
            }
            sent += n;
            if (answeredAfterMs >= 0)
                sentAfterAnswer += n;
        }
        char buffer[4096];
        ssize_t n;
        while ((n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0)
            received.append(buffer, n);
        if (answeredAfterMs < 0 && received.contains("\r\n\r\n"))
            answeredAfterMs = clock.elapsed();
    };
    QTimer pumpTimer;
    connect(&pumpTimer, &QTimer::timeout, this, pump);
    pumpTimer.start(1);
    // The client ignores the answer and keeps streaming until the server cuts it off.
    QVERIFY(QTest::qWaitFor([&] { return sendFailed || sent >= Declared; }, 30000));
    pumpTimer.stop();
    ::close(fd);

    QVERIFY2(received.startsWith("HTTP/1.1 413 "), received.left(100).constData());
    QVERIFY(received.contains("Connection: close\r\n"));
    QVERIFY2(answeredAfterMs >= 0 && answeredAfterMs < 1000, qPrintable(QString::number(answeredAfterMs)));
    QVERIFY2(sentAfterAnswer > 4 * 1024 * 1024, qPrintable(QString::number(sentAfterAnswer)));
    const qint64 growthKiB = peakRssKiB() - peakBefore;
    QVERIFY2(growthKiB < 32 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKiB)));

    RawClient next(m_server->port()); // and the server is still there
    next.write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(next.responses().size(), 1, 5000);
}

// `Expect: 100-continue` (curl sends it with bodies over 1 KiB and otherwise waits a second):
// the interim answer comes before the body, and none to HTTP/1.0 or with the body already in.
void HttpGuardTest::expectContinue()
{
    RawClient client(m_server->port());
    client.write("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 1, 5000);
    QCOMPARE(client.responses()[0].status, 100);
    client.write("abcde");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 2, 5000);
    QCOMPARE(client.responses()[1].status, 200);
    QCOMPARE(client.responses()[1].body, QByteArray("abcde"));

    RawClient eager(m_server->port());
    eager.write("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"
                "POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(eager.responses().size(), 1, 5000);
    eager.write("10");
    QTRY_COMPARE_WITH_TIMEOUT(eager.responses().size(), 2, 5000);
    QCOMPARE(eager.responses()[0].body, QByteArray("ok"));
    QCOMPARE(eager.responses()[1].body, QByteArray("10"));
}

QTEST_GUILESS_MAIN(HttpGuardTest)
#include "http_guard.moc"
