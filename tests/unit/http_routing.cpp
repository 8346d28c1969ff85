// Routing through QHttpServer to the RouteTable, the request value handlers see, and the
// response every handler sends (security headers, HEAD, a forgotten Responder).
#include "http_testsupport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace httptest;

namespace {

void sendParams(const HttpRequest& request, Responder responder)
{
    responder.send(200, request.pathParams.join(u',').toUtf8(), "text/plain");
}

void inspect(const HttpRequest& q, Responder r)
{
    const QJsonObject fields{{u"query"_s, q.query},
                             {u"a"_s, q.queryItem(u"a"_s)},
                             {u"authorization"_s, QString::fromLatin1(q.authorization)},
                             {u"userAgent"_s, QString::fromLatin1(q.userAgent)},
                             {u"forwardedFor"_s, QString::fromLatin1(q.forwardedFor)},
                             {u"originalUri"_s, QString::fromLatin1(q.originalUri)},
                             {u"peer"_s, q.peer.toString()},
                             {u"tls"_s, q.overTls}};
    r.sendJson(200, fields, {{"X-Extra", "1"}, {"X-Bad", "a\r\nInjected: yes"}});
}

RouteTable testRoutes()
{
    RouteTable routes;
    addRoute(routes, HttpMethod::Get, "/hello",
             [](const HttpRequest&, Responder r) { r.send(200, "hello", "text/plain"); });
    addRoute(routes, HttpMethod::Post, "/echo",
             [](const HttpRequest& q, Responder r) { r.send(200, q.body, "application/octet-stream"); });
    addRoute(routes, HttpMethod::Get, "/users/{id}", sendParams);
    addRoute(routes, HttpMethod::Get, "/users/{id}/tokens/{token}", sendParams);
    addRoute(routes, HttpMethod::Get, "/inspect", inspect);
    addRoute(routes, HttpMethod::Get, "/forgotten", [](const HttpRequest&, Responder) {});
    addRoute(routes, HttpMethod::Get, "/slow", [](const HttpRequest&, Responder r) {
        auto pending = std::make_shared<Responder>(std::move(r));
        QTimer::singleShot(100, [pending] { pending->send(200, "slow", "text/plain"); });
    });
    routes.setFallback([](const HttpRequest& q, Responder r) {
        r.send(404, "fallback:" + methodName(q.method) + ' ' + q.path.toUtf8(), "text/plain");
    });
    return routes;
}

} // namespace

class HttpRoutingTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matchPattern_data();
    void matchPattern();
    void queryItem_data();
    void queryItem();
    void routes_data();
    void routes();
    void securityHeaders();
    void requestFields();
    void headIsAnsweredWithoutBody();
    void forgottenResponderAnswers500();
    void networkAccessManager();

private:
    RawResponse exchange(const QByteArray& request);

    std::unique_ptr<HttpServer> m_server;
};

void HttpRoutingTest::init()
{
    m_server = std::make_unique<HttpServer>(testRoutes(), renderError);
    HttpServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    QString error;
    QVERIFY2(m_server->listen(options, &error), qPrintable(error));
    QVERIFY(m_server->port() != 0);
    QVERIFY(!m_server->isTls());
}

void HttpRoutingTest::cleanup()
{
    m_server.reset();
}

RawResponse HttpRoutingTest::exchange(const QByteArray& request)
{
    RawClient client(m_server->port());
    client.write(request);
    const bool head = request.startsWith("HEAD ");
    if (!QTest::qWaitFor([&] { return !client.responses({head}).isEmpty(); }, 5000))
        return {};
    return client.responses({head}).first();
}

void HttpRoutingTest::matchPattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QStringList>("params");
    QTest::newRow("literal") << u"/hello"_s << u"/hello"_s << true << QStringList();
    QTest::newRow("trailing slash") << u"/hello"_s << u"/hello/"_s << false << QStringList();
    QTest::newRow("prefix only") << u"/hello"_s << u"/hell"_s << false << QStringList();
    QTest::newRow("one param") << u"/users/{id}"_s << u"/users/42"_s << true << QStringList{u"42"_s};
    QTest::newRow("empty param") << u"/users/{id}"_s << u"/users/"_s << false << QStringList();
    QTest::newRow("param spans no slash") << u"/users/{id}"_s << u"/users/4/2"_s << false << QStringList();
    QTest::newRow("two params") << u"/a/{x}/b/{y}"_s << u"/a/1/b/2"_s << true << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("partial failure keeps params") << u"/a/{x}/b/{y}"_s << u"/a/1/c/2"_s << false << QStringList();
}

void HttpRoutingTest::matchPattern()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, matches);
    QFETCH(QStringList, params);
    QStringList found{QStringLiteral("before")};
    QCOMPARE(matchRoutePattern(pattern, path, &found), matches);
    QCOMPARE(found, QStringList{QStringLiteral("before")} + params);
}

void HttpRoutingTest::queryItem_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << u"a=1&b=2"_s << u"b"_s << u"2"_s;
    QTest::newRow("first wins") << u"a=1&a=2"_s << u"a"_s << u"1"_s;
    QTest::newRow("percent and plus") << u"t=x%2By+z"_s << u"t"_s << u"x+y z"_s;
    QTest::newRow("missing") << u"a=1"_s << u"b"_s << u""_s;
    QTest::newRow("no value") << u"flag&a=1"_s << u"flag"_s << u""_s;
}

void HttpRoutingTest::queryItem()
{
    QFETCH(QString, query);
    QFETCH(QString, name);
    QFETCH(QString, value);
    HttpRequest request;
    request.query = query;
    QCOMPARE(request.queryItem(name), value);
}

void HttpRoutingTest::routes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("literal") << QByteArray("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 200 << QByteArray("hello");
    QTest::newRow("param") << QByteArray("GET /users/42 HTTP/1.1\r\nHost: x\r\n\r\n") << 200 << QByteArray("42");
    QTest::newRow("param decoded") << QByteArray("GET /users/a%20b HTTP/1.1\r\nHost: x\r\n\r\n") << 200
                                   << QByteArray("a b");
    QTest::newRow("two params") << QByteArray("GET /users/7/tokens/9 HTTP/1.1\r\nHost: x\r\n\r\n") << 200
                                << QByteArray("7,9");
    QTest::newRow("query ignored for routing")
        << QByteArray("GET /hello?x=1 HTTP/1.1\r\nHost: x\r\n\r\n") << 200 << QByteArray("hello");
    QTest::newRow("post body") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc") << 200
                               << QByteArray("abc");
    QTest::newRow("unknown path") << QByteArray("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n") << 404
                                  << QByteArray("fallback:GET /nope");
    QTest::newRow("empty param") << QByteArray("GET /users/ HTTP/1.1\r\nHost: x\r\n\r\n") << 404
                                 << QByteArray("fallback:GET /users/");
    QTest::newRow("wrong method") << QByteArray("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n") << 404
                                  << QByteArray("fallback:DELETE /hello");
}

void HttpRoutingTest::routes()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const RawResponse response = exchange(request);
    QCOMPARE(response.status, status);
    QCOMPARE(response.body, body);
}

void HttpRoutingTest::securityHeaders()
{
    const RawResponse response = exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(response.header("Content-Type"), QByteArray("text/plain"));
    QVERIFY(response.header("Strict-Transport-Security").isEmpty()); // plain HTTP: no HSTS
    QVERIFY(response.header("Connection").isEmpty());                // HTTP/1.1 keep-alive is implied
}

void HttpRoutingTest::requestFields()
{
    const RawResponse response = exchange("GET /inspect?a=x%20y&b=2 HTTP/1.1\r\nHost: x\r\nauthorization: Bearer t\r\n"
                                          "User-Agent: ua\r\nX-Forwarded-For: 10.0.0.1\r\n"
                                          "X-Original-URI: /flex/x\r\nX-Forwarded-For: 10.0.0.2\r\n\r\n");
    QCOMPARE(response.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(json.value(u"query").toString(), QStringLiteral("a=x%20y&b=2"));
    QCOMPARE(json.value(u"a").toString(), QStringLiteral("x y"));
    QCOMPARE(json.value(u"authorization").toString(), QStringLiteral("Bearer t"));
    QCOMPARE(json.value(u"userAgent").toString(), QStringLiteral("ua"));
    QCOMPARE(json.value(u"forwardedFor").toString(), QStringLiteral("10.0.0.1, 10.0.0.2"));
    QCOMPARE(json.value(u"originalUri").toString(), QStringLiteral("/flex/x"));
    QCOMPARE(json.value(u"peer").toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(json.value(u"tls").toBool(), false);
    QCOMPARE(response.header("X-Extra"), QByteArray("1"));
    QVERIFY(response.header("X-Bad").isEmpty()); // a CR/LF in a value cannot inject headers
    QVERIFY(response.header("Injected").isEmpty());
}

void HttpRoutingTest::headIsAnsweredWithoutBody()
{
    RawClient client(m_server->port());
    client.write("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses({true}).size(), 2, 5000);
    const auto responses = client.responses({true});
    QCOMPARE(responses[0].status, 200);
    QCOMPARE(responses[0].header("Content-Length"), QByteArray("5"));
    QCOMPARE(responses[0].body, QByteArray());
    QCOMPARE(responses[1].body, QByteArray("hello")); // so the HEAD answer carried no body bytes
}

void HttpRoutingTest::forgottenResponderAnswers500()
{
    QTest::ignoreMessage(QtWarningMsg, "a handler dropped its Responder unanswered; answering 500");
    RawClient client(m_server->port());
    client.write("GET /forgotten HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 2, 5000);
    const auto responses = client.responses();
    QCOMPARE(responses[0].status, 500);
    QCOMPARE(responses[0].json().value(u"path").toString(), u"/forgotten"_s);
    QCOMPARE(responses[1].status, 200);
}

void HttpRoutingTest::networkAccessManager()
{
    QNetworkAccessManager manager;
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
    for (const QString& path : {QStringLiteral("/hello"), QStringLiteral("/slow"), QStringLiteral("/users/5")}) {
        std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(base.resolved(QUrl(path)))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }
    QNetworkRequest post(base.resolved(QUrl(QStringLiteral("/echo"))));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    std::unique_ptr<QNetworkReply> reply(manager.post(post, QByteArray(65536, 'x')));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll().size(), 65536);
    QCOMPARE(m_server->connectionCount(), 1); // all of it over one keep-alive connection
}

QTEST_GUILESS_MAIN(HttpRoutingTest)
#include "http_routing.moc"
