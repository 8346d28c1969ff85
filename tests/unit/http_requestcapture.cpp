// What the guard's framer hands the handlers (RequestCapture, issue 16): since plain requests
// no longer pass through QHttpServer, the path, query, named header fields and body must be
// what QHttpServer 6.4 and QUrl made of them before. Every request is framed twice, in one
// piece and byte by byte, with the same outcome.
#include "http/requestframer.h"

#include <QTest>
#include <QUrl>

namespace {

class Recorder final : public FramingSink
{
public:
    quint64 outstanding() const override { return 0; } // answered at once
    void addFramed(RequestFraming) override {}
};

// The requests framed from `bytes` fed `piece` bytes at a time.
std::vector<HttpRequest> frame(const QByteArray& bytes, qsizetype piece)
{
    const ConnectionLimits limits;
    Recorder recorder;
    const UpgradeHook hook;
    RequestFramer framer(limits, recorder, hook);
    std::vector<HttpRequest> requests;
    for (qsizetype at = 0; at < bytes.size() && !framer.isStopped(); at += piece) {
        framer.feed(bytes.constData() + at, std::min(piece, bytes.size() - at));
        for (HttpRequest& request : framer.takeRequests())
            requests.push_back(std::move(request));
    }
    return requests;
}

HttpRequest only(const QByteArray& bytes)
{
    const std::vector<HttpRequest> whole = frame(bytes, bytes.size());
    const std::vector<HttpRequest> bytewise = frame(bytes, 1);
    if (whole.size() != 1 || bytewise.size() != 1)
        qFatal("expected one request, framed %zu and %zu", whole.size(), bytewise.size());
    const HttpRequest& a = whole.front();
    const HttpRequest& b = bytewise.front();
    const bool same = a.method == b.method && a.path == b.path && a.query == b.query && a.body == b.body
        && a.authorization == b.authorization && a.forwardedFor == b.forwardedFor
        && a.repeatedHeader == b.repeatedHeader;
    if (!same)
        qFatal("one read and byte by byte disagree");
    return a;
}

} // namespace

class HttpRequestCaptureTest : public QObject
{
    Q_OBJECT

private slots:
    void targetAsQUrlReadsIt_data();
    void targetAsQUrlReadsIt();
    void namedFields();
    void repeatedFields();
    void bodies();
    void pipelined();
};

void HttpRequestCaptureTest::targetAsQUrlReadsIt_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("plain") << QByteArray("/flex/auth/session");
    QTest::newRow("every plain byte") << QByteArray("/az-AZ.09_~!$&'()*+,;=:@/x");
    QTest::newRow("dot segments") << QByteArray("/a/./b/../c");
    QTest::newRow("query") << QByteArray("/api/audit?limit=10&user=a%20b");
    QTest::newRow("empty query") << QByteArray("/x?");
    QTest::newRow("percent path") << QByteArray("/api/users/caf%C3%A9");
    QTest::newRow("encoded slash") << QByteArray("/api/users/a%2Fb");
    QTest::newRow("invalid percent") << QByteArray("/a%zz");
    QTest::newRow("brackets and quotes") << QByteArray("/a[b]\"c\"<d>{e}|f^g`h\\i");
    QTest::newRow("query with a slash and a question mark") << QByteArray("/x?a=/b?c");
}

// The path handlers see and route on is QUrl's fully decoded one; the query stays encoded.
void HttpRequestCaptureTest::targetAsQUrlReadsIt()
{
    QFETCH(QByteArray, target);
    QString path;
    QString query;
    splitTarget(target, &path, &query);
    const QUrl url = QUrl::fromEncoded(target);
    QCOMPARE(path, url.path(QUrl::FullyDecoded));
    QCOMPARE(query, url.query(QUrl::FullyEncoded));

    const HttpRequest request = only("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(request.path, path);
    QCOMPARE(request.query, query);
    QCOMPARE(request.method, HttpMethod::Get);
}

void HttpRequestCaptureTest::namedFields()
{
    const HttpRequest request = only("DELETE /api/x HTTP/1.1\r\nHost: x\r\nAUTHORIZATION:  Bearer abc \r\n"
                                     "content-type: application/json\r\nUser-Agent: curl/7.88\r\nOrigin: https://o\r\n"
                                     "X-Original-Method: POST\r\nX-Original-URI: /app?q\r\nX-Forwarded-Method: PUT\r\n"
                                     "X-Forwarded-Uri: /fw\r\nX-Other: ignored\r\n\r\n");
    QCOMPARE(request.method, HttpMethod::Delete);
    QCOMPARE(request.authorization, QByteArray("Bearer abc"));
    QCOMPARE(request.contentType, QByteArray("application/json"));
    QCOMPARE(request.userAgent, QByteArray("curl/7.88"));
    QCOMPARE(request.origin, QByteArray("https://o"));
    QCOMPARE(request.originalMethod, QByteArray("POST"));
    QCOMPARE(request.originalUri, QByteArray("/app?q"));
    QCOMPARE(request.forwardedMethod, QByteArray("PUT"));
    QCOMPARE(request.forwardedUri, QByteArray("/fw"));
    QVERIFY(!request.repeatedHeader);
    QVERIFY(request.forwardedFor.isEmpty());
    QVERIFY(request.body.isEmpty());
}

// X-Forwarded-For lines form one list; another named field twice keeps the first and marks it.
void HttpRequestCaptureTest::repeatedFields()
{
    const HttpRequest joined =
        only("GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.1.1.1\r\nx-forwarded-for: 2.2.2.2, 3.3.3.3\r\n\r\n");
    QCOMPARE(joined.forwardedFor, QByteArray("1.1.1.1, 2.2.2.2, 3.3.3.3"));
    QVERIFY(!joined.repeatedHeader);

    const HttpRequest twice = only("GET / HTTP/1.1\r\nHost: x\r\nX-Original-URI: /a\r\nX-Original-URI: /b\r\n\r\n");
    QCOMPARE(twice.originalUri, QByteArray("/a"));
    QVERIFY(twice.repeatedHeader);
}

void HttpRequestCaptureTest::bodies()
{
    const HttpRequest sized = only("POST /flex/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\n\r\n"
                                   "{\"password\":1}");
    QCOMPARE(sized.method, HttpMethod::Post);
    QCOMPARE(sized.body, QByteArray("{\"password\":1}"));

    const HttpRequest chunked = only("PUT /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                     "5\r\nhello\r\n1\r\n \r\n6\r\nworld!\r\n0\r\n\r\n");
    QCOMPARE(chunked.method, HttpMethod::Put);
    QCOMPARE(chunked.body, QByteArray("hello world!"));
}

// A pipelined batch: each request whole and in order, nothing of one in the next.
void HttpRequestCaptureTest::pipelined()
{
    const QByteArray batch = "POST /a HTTP/1.1\r\nHost: x\r\nAuthorization: Basic eDp5\r\nContent-Length: 3\r\n\r\nabc"
                             "PATCH /b?c=d HTTP/1.1\r\nHost: x\r\n\r\n";
    for (const qsizetype piece : {batch.size(), qsizetype(1), qsizetype(7)}) {
        const std::vector<HttpRequest> requests = frame(batch, piece);
        QCOMPARE(requests.size(), size_t(2));
        QCOMPARE(requests[0].path, QStringLiteral("/a"));
        QCOMPARE(requests[0].body, QByteArray("abc"));
        QCOMPARE(requests[0].authorization, QByteArray("Basic eDp5"));
        QCOMPARE(requests[1].method, HttpMethod::Patch);
        QCOMPARE(requests[1].path, QStringLiteral("/b"));
        QCOMPARE(requests[1].query, QStringLiteral("c=d"));
        QVERIFY(requests[1].body.isEmpty());
        QVERIFY(requests[1].authorization.isEmpty());
    }
}

QTEST_GUILESS_MAIN(HttpRequestCaptureTest)
#include "http_requestcapture.moc"
