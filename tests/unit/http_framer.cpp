// The guard's RequestFramer on its own: the canonical subset of HTTP/1.1 it accepts and what
// it refuses because QHttpServer 6.4 would read it differently ("one framing truth", issue
// 11). Every row is framed twice, in one piece and byte by byte, with the same outcome.
#include "http/requestframer.h"

#include <QTest>

#include <functional>

namespace {

// Records what the framer reports; answers nothing (so requests stay outstanding).
class Recorder final : public FramingSink
{
public:
    quint64 outstanding() const override { return quint64(framed.size()); }
    void addFramed(RequestFraming framing) override { framed.append(framing); }
    QList<RequestFraming> framed;
};

struct Outcome
{
    int status = 0;
    qsizetype framed = 0;
};

Outcome frame(const QByteArray& bytes, qsizetype piece)
{
    ConnectionLimits limits;
    Recorder recorder;
    const UpgradeHook hook = [](const UpgradeRequest&) { return 0; };
    RequestFramer framer(limits, recorder, hook);
    for (qsizetype at = 0; at < bytes.size() && !framer.isStopped(); at += piece)
        framer.feed(bytes.constData() + at, std::min(piece, bytes.size() - at));
    return {framer.errorStatus(), recorder.framed.size()};
}

QByteArray post(const QByteArray& headers, const QByteArray& body)
{
    return "POST /echo HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + body;
}

QByteArray chunked(const QByteArray& body)
{
    return post("Transfer-Encoding: chunked\r\n", body);
}

QByteArray get(const QByteArray& requestLine, const QByteArray& headers = "Host: x\r\n")
{
    return requestLine + "\r\n" + headers + "\r\n";
}

} // namespace

class HttpFramerTest : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void lastChunkSplitBeforePipelinedBytes();
    void lineSplitAcrossReadsIsFramedOnce();
};

void HttpFramerTest::canonical_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status"); // 0: accepted
    QTest::addColumn<int>("framed");

    QTest::newRow("GET") << get("GET /hello HTTP/1.1") << 0 << 1;
    QTest::newRow("empty lines before") << "\r\n\r\n" + get("GET /hello HTTP/1.1") << 0 << 1;
    QTest::newRow("HTTP/1.0 without Host") << get("GET /hello HTTP/1.0", "") << 0 << 1;
    QTest::newRow("one Authorization") << get("GET / HTTP/1.1", "Host: x\r\nAuthorization: Basic eDp5\r\n") << 0 << 1;
    QTest::newRow("Host with port") << get("GET / HTTP/1.1", "Host: gatehouse_backend:8080\r\n") << 0 << 1;
    QTest::newRow("IPv6 Host") << get("GET / HTTP/1.1", "Host: [::1]:8080\r\n") << 0 << 1;
    QTest::newRow("OWS around a length") << post("Content-Length: \t3 \r\n", "abc") << 0 << 1;
    QTest::newRow("obs-text in a value") << get("GET / HTTP/1.1", "Host: x\r\nX-Name: caf\xc3\xa9\r\n") << 0 << 1;
    QTest::newRow("chunked") << chunked("A\r\n0123456789\r\n1f\r\n" + QByteArray(31, 'x') + "\r\n0\r\n\r\n") << 0 << 1;
    QTest::newRow("Chunked, any case") << post("Transfer-Encoding: Chunked\r\n", "0\r\n\r\n") << 0 << 1;
    QTest::newRow("Connection: upgrade, no Upgrade")
        << get("GET / HTTP/1.1", "Host: x\r\nConnection: keep-alive, Upgrade\r\n") << 0 << 1;
    QTest::newRow("pipelined") << get("GET /a HTTP/1.1") + post("Content-Length: 1\r\n", "x") + get("HEAD / HTTP/1.1")
                               << 0 << 3;

    // Chunk-size lines: only hex digits (finding 1: QHttpServer read "29 x" as 0).
    for (const char* line :
         {"29 x", "29 \"q\"", "29 ,", "29;ext=1", "29\t", "29 ", " 29", "0x29", "+29", "-29", "029", "00"})
        QTest::addRow("chunk size '%s'", line)
            << chunked(QByteArray(line) + "\r\n" + QByteArray(41, 'c') + "\r\n0\r\n\r\n") << 400 << 0;
    QTest::newRow("chunk size, bare LF") << chunked("3\nabc\r\n0\r\n\r\n") << 400 << 0;
    QTest::newRow("chunk data, no CRLF") << chunked("3\r\nabcd\r\n0\r\n\r\n") << 400 << 0;
    QTest::newRow("trailer") << chunked("3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n") << 400 << 0;
    QTest::newRow("chunk over the body cap") << chunked("10001\r\n") << 413 << 0;

    QTest::newRow("obs-fold") << get("GET / HTTP/1.1", "Host: x\r\nX-A: a\r\n b\r\n") << 400 << 0;
    QTest::newRow("obs-fold first") << get("GET / HTTP/1.1", " X-A: a\r\nHost: x\r\n") << 400 << 0;
    QTest::newRow("bare LF, field") << get("GET / HTTP/1.1", "Host: x\nX-A: a\r\n") << 400 << 0;
    QTest::newRow("bare LF, request line") << QByteArray("GET / HTTP/1.1\nHost: x\r\n\r\n") << 400 << 0;
    QTest::newRow("bare LF, head end") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\n") << 400 << 0;
    QTest::newRow("bare CR in a value") << get("GET / HTTP/1.1", "Host: x\r\nX-A: a\rb\r\n") << 400 << 0;
    QTest::newRow("CR CR LF") << get("GET / HTTP/1.1", "Host: x\r\r\n") << 400 << 0;
    QTest::newRow("control byte in a value") << get("GET / HTTP/1.1", "Host: x\r\nX-A: a\x01\r\n") << 400 << 0;
    QTest::newRow("space before the colon") << get("GET / HTTP/1.1", "Host : x\r\n") << 400 << 0;
    QTest::newRow("no colon") << get("GET / HTTP/1.1", "Host: x\r\nX-A\r\n") << 400 << 0;

    QTest::newRow("two lengths, same value") << post("Content-Length: 1\r\nContent-Length: 1\r\n", "x") << 400 << 0;
    QTest::newRow("length and chunked") << post("Content-Length: 1\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")
                                        << 400 << 0;
    QTest::newRow("two Transfer-Encoding")
        << post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n") << 400 << 0;
    for (const char* coding : {"gzip, chunked", "xchunked", "chunked, identity", "identity"})
        QTest::addRow("Transfer-Encoding: %s", coding)
            << post("Transfer-Encoding: " + QByteArray(coding) + "\r\n", "0\r\n\r\n") << 400 << 0;
    QTest::newRow("chunked in HTTP/1.0") << QByteArray(
        "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                         << 400 << 0;
    for (const char* length : {"+1", "01", "-1", "1,1", "1 1", "0x1", "", "99999999999999999999"})
        QTest::addRow("Content-Length: '%s'", length)
            << post("Content-Length: " + QByteArray(length) + "\r\n", "x") << 400 << 0;
    QTest::newRow("declared body over the cap") << post("Content-Length: 65537\r\n", "") << 413 << 0;

    QTest::newRow("HTTP/1.1 without Host") << get("GET / HTTP/1.1", "") << 400 << 0;
    QTest::newRow("two Host") << get("GET / HTTP/1.1", "Host: a\r\nHost: a\r\n") << 400 << 0;
    QTest::newRow("two Authorization") << get("GET / HTTP/1.1",
                                              "Host: x\r\nAuthorization: Bearer a\r\nauthorization: Bearer b\r\n")
                                       << 400 << 0;
    for (const char* host : {"a b", "a@b", "a/b", "a?b", "", "[zz]", "a:b", "a:123456"})
        QTest::addRow("Host: '%s'", host) << get("GET / HTTP/1.1", "Host: " + QByteArray(host) + "\r\n") << 400 << 0;
    QTest::newRow("two Origin") << get("GET / HTTP/1.1", "Host: x\r\nOrigin: a\r\nOrigin: b\r\n") << 400 << 0;
    QTest::newRow("two Upgrade") << get("GET / HTTP/1.1",
                                        "Host: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nUpgrade: h2c\r\n")
                                 << 400 << 0;

    for (const char* line :
         {"GET //evil/x HTTP/1.1", "GET http://x/y HTTP/1.1", "OPTIONS * HTTP/1.1", "GET /a#b HTTP/1.1",
          "GET /a\x7f HTTP/1.1", "GET  / HTTP/1.1", "GET /  HTTP/1.1", "GET\t/ HTTP/1.1", "GET / HTTP/1.1 ",
          "GET / HTTP/1.2", "GET / HTTP/2.0", "GET / http/1.1", "GET / HTTPX1.1", "TRACE / HTTP/1.1",
          "CONNECT x:443 HTTP/1.1", "get / HTTP/1.1", " GET / HTTP/1.1", "GET /"})
        QTest::addRow("request line '%s'", line) << get(line) << 400 << 0;
    QTest::newRow("bare CR before a request") << "\r" + get("GET / HTTP/1.1") << 400 << 0;
    QTest::newRow("bare LF before a request") << "\n" + get("GET / HTTP/1.1") << 400 << 0;
}

void HttpFramerTest::canonical()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(int, framed);
    const Outcome whole = frame(bytes, bytes.size());
    QCOMPARE(whole.status, status);
    QCOMPARE(whole.framed, framed);
    const Outcome dribbled = frame(bytes, 1);
    QCOMPARE(dribbled.status, status);
    QCOMPARE(dribbled.framed, framed);
}

// QHttpServer 6.4 reads the last chunk's final CRLF two bytes at a time: a CR that ends one
// read makes it take the LF and the next byte together, eating the first byte of a pipelined
// request. Only that split, with bytes after the LF, is refused.
void HttpFramerTest::lastChunkSplitBeforePipelinedBytes()
{
    const QByteArray first = chunked("3\r\nabc\r\n0\r\n\r");
    const QByteArray next = get("GET /hello HTTP/1.1");
    const auto framePieces = [](const QList<QByteArray>& pieces) {
        ConnectionLimits limits;
        Recorder recorder;
        RequestFramer framer(limits, recorder, UpgradeHook());
        for (const QByteArray& piece : pieces)
            framer.feed(piece.constData(), piece.size());
        return Outcome{framer.errorStatus(), recorder.framed.size()};
    };
    Outcome outcome = framePieces({first, "\n" + next});
    QCOMPARE(outcome.status, 400);
    QCOMPARE(outcome.framed, 0);
    outcome = framePieces({first, "\n", next});
    QCOMPARE(outcome.status, 0);
    QCOMPARE(outcome.framed, 2);
    outcome = framePieces({first + "\n" + next});
    QCOMPARE(outcome.status, 0);
    QCOMPARE(outcome.framed, 2);
}

void HttpFramerTest::lineSplitAcrossReadsIsFramedOnce()
{
    const QByteArray bytes = get("GET /a HTTP/1.1", "Host: x\r\nX-Long: " + QByteArray(5000, 'v') + "\r\n")
        + post("Content-Length: 3\r\n", "abc");
    for (const qsizetype piece : {qsizetype(1), qsizetype(7), qsizetype(4096), bytes.size()}) {
        const Outcome outcome = frame(bytes, piece);
        QCOMPARE(outcome.status, 0);
        QCOMPARE(outcome.framed, 2);
    }
}

QTEST_GUILESS_MAIN(HttpFramerTest)
#include "http_framer.moc"
