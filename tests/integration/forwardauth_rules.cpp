// GET /auth/verify asked directly, as nginx's auth_request and Traefik's ForwardAuth ask it
// (docs/API.md, "Forward-auth" decisions), against servers configured through the documented
// GATEHOUSE_FORWARD_AUTH_RULES: every credential kind, method and prefix matching (longest
// wins, a named method beats `*`, GET covers HEAD, fail closed), public rules, path tricks,
// no rules at all, and the proxy-safe answers (no body, 401 with WWW-Authenticate, every
// other refusal a 403, a locked or throttled client with Retry-After).
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/environmentconfig.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/testhelpers.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Both separators the document allows: new lines and `;`.
const QString Rules = u"GET /pages page:read; POST,PUT,DELETE /pages page:write\n"
                      "* /pages/drafts page:write\n"
                      "GET /agents page:read;* /agents agent:write\n"
                      "* /users users:read\n"
                      "GET /public public\n"
                      "* /status authenticated"_s;
const QString Olivia = u"olivia"_s; // an operator

enum class Style {
    Nginx,
    Traefik
};

// name, credential, method, URI as the proxy sends it, expected status.
struct RuleCase
{
    const char* name;
    const char* who;
    const char* method;
    const char* uri;
    int status;
};

const RuleCase RuleCases[] = {
    {"no credential", "none", "GET", "/pages/x", 401},
    {"garbage bearer", "garbage bearer", "GET", "/pages/x", 401},
    {"refresh JWT as a credential", "refresh JWT", "GET", "/pages/x", 401},
    {"tampered api token", "tampered token", "GET", "/pages/x", 401},
    {"unknown api token", "unknown token", "GET", "/pages/x", 401},
    {"wrong basic", "wrong basic", "GET", "/pages/x", 401},
    {"page:read GET", "page", "GET", "/pages/x", 200},
    {"page:read GET prefix itself", "page", "GET", "/pages", 200},
    {"page:read POST", "page", "POST", "/pages/x", 403},
    {"page:read DELETE", "page", "DELETE", "/pages/x", 403},
    {"page:write POST", "writer", "POST", "/pages/x", 200},
    {"comma list of methods", "writer", "DELETE", "/pages/x", 200},
    {"GET covers HEAD", "page", "HEAD", "/pages/x", 200},
    {"whole segments only", "admin", "GET", "/pagesx", 403},
    {"longest prefix wins", "page", "GET", "/pages/drafts/1", 403},
    {"longest prefix, permitted", "writer", "GET", "/pages/drafts/1", 200},
    {"named method beats *", "page", "GET", "/agents/1", 200},
    {"named GET covers HEAD over *", "page", "HEAD", "/agents/1", 200},
    {"* for other methods", "page", "POST", "/agents/1", 403},
    {"operator Basic", "olivia basic", "POST", "/agents/1", 200},
    {"operator bearer JWT", "olivia bearer", "GET", "/pages/x", 200},
    {"operator lacks users:read", "olivia bearer", "GET", "/users", 403},
    {"no rule: fail closed", "admin", "GET", "/other/x", 403},
    {"public rule", "none", "GET", "/public/x", 200},
    {"public rule is GET only", "admin", "POST", "/public/x", 403},
    {"authenticated rule", "page", "PUT", "/status/x", 200},
    {"authenticated rule, no credential", "none", "GET", "/status", 401},
    {"dot-dot leaves /pages", "page", "GET", "/pages/../users/x", 403},
    {"dot-dot resolved", "admin", "GET", "/pages/../users/x", 200},
    {"encoded dot-dot leaves /pages", "page", "GET", "/pages/%2e%2e/users/x", 403},
    {"encoded dot-dot resolved", "admin", "GET", "/pages/%2E%2E/users/x", 200},
    {"dot segment", "page", "GET", "/pages/./x", 200},
    {"dot-dot back inside", "page", "GET", "/pages/x/../y", 200},
    {"dot-dot to the root", "admin", "GET", "/pages/..", 403},
    {"encoded dot-dot to the root", "admin", "GET", "/pages/%2e%2e", 403},
    {"double slash collapsed", "page", "GET", "//pages/x", 200},
    {"inner double slash", "page", "GET", "/pages//x", 200},
    {"escaped letter decoded", "page", "GET", "/%70ages/x", 200},
    {"encoded slash refused", "admin", "GET", "/pages%2F..%2Fusers", 403},
    {"encoded slash lower case", "admin", "GET", "/pages%2fx", 403},
    {"encoded backslash refused", "admin", "GET", "/pages%5Cx", 403},
    {"NUL refused", "admin", "GET", "/pages/x%00", 403},
    {"dot-dot above root refused", "admin", "GET", "/../pages/x", 403},
    {"encoded dot-dot above root", "admin", "GET", "/%2e%2e/pages/x", 403},
    {"query ignored", "page", "GET", "/pages/x?next=/users/1", 200},
    {"query cannot grant", "page", "GET", "/users/x?/pages/y", 403},
};

} // namespace

class ForwardAuthRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void rules_data();
    void rules();
    void traefikHeaders();
    void conflictingHeadersRefused();
    void noHeadersNoRule();
    void partialHeaders();
    void revokedAndExpiredTokens();
    void noRulesAnyAuthenticated();
    void anonymousWhileAuthDisabled();
    void lockedOutBasic_data();
    void lockedOutBasic();
    void lockoutPerForwardedClient();
    void throttledClient();
    void setupRequired();

private:
    static std::unique_ptr<RestFixture> startServer(const QProcessEnvironment& environment);
    static HttpResponse verify(RestFixture& fx, const QByteArray& method, const QByteArray& uri,
                               const RequestHeaders& auth, Style style = Style::Nginx);
    static void expectAnswer(const HttpResponse& response, int status, const QByteArray& user = {},
                             const QByteArray& role = {}, const QByteArray& authMethod = {});
    RequestHeaders credential(const QString& name) const;

    std::unique_ptr<RestFixture> m_fx;
    QByteArray m_pageToken;   // page:read
    QByteArray m_writerToken; // page:read, page:write
    QByteArray m_oliviaJwt;
    QByteArray m_oliviaRefresh;
};

std::unique_ptr<RestFixture> ForwardAuthRulesTest::startServer(const QProcessEnvironment& environment)
{
    QProcessEnvironment all = environment;
    all.insert(u"GATEHOUSE_RESOURCES"_s, u"redirect,page,agent"_s);
    auto fx = std::make_unique<RestFixture>(EnvironmentConfig::hook(all));
    if (!fx->start())
        qWarning("server did not start: %s", qPrintable(fx->startError()));
    return fx;
}

HttpResponse ForwardAuthRulesTest::verify(RestFixture& fx, const QByteArray& method, const QByteArray& uri,
                                          const RequestHeaders& auth, Style style)
{
    RequestHeaders headers = auth;
    if (style == Style::Nginx) { // auth_request always sends a GET
        headers << qMakePair("X-Original-Method"_ba, method) << qMakePair("X-Original-URI"_ba, uri);
        return fx.http.get(fx.server.url(u"/auth/verify"_s), headers);
    }
    // Traefik repeats the client's method.
    headers << qMakePair("X-Forwarded-Method"_ba, method) << qMakePair("X-Forwarded-Uri"_ba, uri);
    return fx.http.send(method, fx.server.url(u"/auth/verify"_s), {}, headers);
}

void ForwardAuthRulesTest::expectAnswer(const HttpResponse& response, int status, const QByteArray& user,
                                        const QByteArray& role, const QByteArray& authMethod)
{
    EXPECT_STATUS(response, status);
    QVERIFY2(response.body.isEmpty(), qPrintable(u"a body the proxy would have to parse: "_s + response.describe()));
    if (status == 401)
        QCOMPARE(response.header("WWW-Authenticate"), QByteArray(R"(Bearer realm="gatehouse")"));
    QCOMPARE(response.header("X-Auth-User"), user);
    QCOMPARE(response.header("X-Auth-Role"), role);
    QCOMPARE(response.header("X-Auth-Method"), authMethod);
    QCOMPARE(response.hasHeader("X-Auth-User"), !user.isEmpty());
}

void ForwardAuthRulesTest::initTestCase()
{
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, Rules);
    environment.insert(u"MAX_LOGIN_ATTEMPTS"_s, u"100"_s); // the matrix has a few wrong credentials
    m_fx = startServer(environment);
    QVERIFY(m_fx->server.isRunning());
    QVERIFY(m_fx->enableAuth());
    QVERIFY(!m_fx->createUser(Olivia, u"operator"_s, TestPasswords::second()).isEmpty());
    const TokenPair olivia = m_fx->rest.loginPair(Olivia, TestPasswords::second());
    m_oliviaJwt = olivia.access;
    m_oliviaRefresh = olivia.refresh;
    m_pageToken = TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"reader"_s, {u"page:read"_s}).secret;
    m_writerToken =
        TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"writer"_s, {u"page:read"_s, u"page:write"_s}).secret;
    QVERIFY(!m_oliviaJwt.isEmpty() && !m_pageToken.isEmpty() && !m_writerToken.isEmpty());
}

void ForwardAuthRulesTest::cleanupTestCase()
{
    m_fx.reset();
}

RequestHeaders ForwardAuthRulesTest::credential(const QString& name) const
{
    if (name == u"admin")
        return RestFixture::adminBasic();
    if (name == u"page")
        return HttpClient::bearer(m_pageToken);
    if (name == u"writer")
        return HttpClient::bearer(m_writerToken);
    if (name == u"olivia basic")
        return HttpClient::basic(Olivia, TestPasswords::second());
    if (name == u"olivia bearer")
        return HttpClient::bearer(m_oliviaJwt);
    if (name == u"refresh JWT")
        return HttpClient::bearer(m_oliviaRefresh);
    if (name == u"garbage bearer")
        return HttpClient::bearer("not.a.jwt");
    if (name == u"tampered token")
        return HttpClient::bearer(ApiTokenCheck::withCharChanged(m_pageToken, 20));
    if (name == u"unknown token")
        return HttpClient::bearer(ApiTokenCheck::randomWellFormed());
    if (name == u"wrong basic")
        return HttpClient::basic(Olivia, TestPasswords::wrong());
    return {};
}

void ForwardAuthRulesTest::rules_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<int>("status");
    for (const RuleCase& rule : RuleCases)
        QTest::newRow(rule.name) << QString::fromLatin1(rule.who) << QByteArray(rule.method) << QByteArray(rule.uri)
                                 << rule.status;
}

void ForwardAuthRulesTest::rules()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, uri);
    QFETCH(int, status);
    const HttpResponse response = verify(*m_fx, method, uri, credential(who));
    if (status != 200 || who == u"none") {
        expectAnswer(response, status); // a public rule's 200 carries no X-Auth-* headers
        return;
    }
    const bool olivia = who.startsWith(u"olivia");
    const QByteArray authMethod = who == u"admin" || who == u"olivia basic" ? "basic"
        : who == u"olivia bearer"                                           ? "bearer"
                                                                            : "api_token";
    expectAnswer(response, 200, olivia ? "olivia" : "admin", olivia ? "operator" : "admin", authMethod);
}

void ForwardAuthRulesTest::traefikHeaders()
{
    const RequestHeaders page = credential(u"page"_s);
    expectAnswer(verify(*m_fx, "GET", "/pages/x", page, Style::Traefik), 200, "admin", "admin", "api_token");
    expectAnswer(verify(*m_fx, "POST", "/pages/x", page, Style::Traefik), 403);
    expectAnswer(verify(*m_fx, "PUT", "/pages/x", credential(u"writer"_s), Style::Traefik), 200, "admin", "admin",
                 "api_token");
    expectAnswer(verify(*m_fx, "GET", "/pages/../users", page, Style::Traefik), 403);
    expectAnswer(verify(*m_fx, "GET", "/pages/x", {}, Style::Traefik), 401);
}

// Neither family wins: a client adds the one its proxy does not set (issue 11, finding 8;
// more in forwardauth_headers.cpp).
void ForwardAuthRulesTest::conflictingHeadersRefused()
{
    RequestHeaders headers = credential(u"page"_s);
    headers << qMakePair("X-Forwarded-Method"_ba, "POST"_ba) << qMakePair("X-Forwarded-Uri"_ba, "/users/1"_ba);
    expectAnswer(verify(*m_fx, "GET", "/pages/x", headers), 403);
}

void ForwardAuthRulesTest::noHeadersNoRule()
{
    // Without the headers no request is named, so no rule covers it.
    expectAnswer(m_fx->http.get(m_fx->server.url(u"/auth/verify"_s), RestFixture::adminBasic()), 403);
    // Without a credential either, the document does not say which refusal comes first (401 or 403).
    const HttpResponse anonymous = m_fx->http.get(m_fx->server.url(u"/auth/verify"_s));
    QVERIFY2(anonymous.status == 401 || anonymous.status == 403, qPrintable(anonymous.describe()));
    QVERIFY(anonymous.body.isEmpty());
}

// Half a family names no request: /auth/verify's own method never stands in for a missing
// method header (nginx's auth_request always sends GET), nor "/" for a missing URI.
void ForwardAuthRulesTest::partialHeaders()
{
    RequestHeaders uriOnly = credential(u"page"_s);
    uriOnly << qMakePair("X-Original-URI"_ba, "/pages/x"_ba);
    const QUrl url = m_fx->server.url(u"/auth/verify"_s);
    expectAnswer(m_fx->http.get(url, uriOnly), 403);
    expectAnswer(m_fx->http.send("POST", url, {}, uriOnly), 403);
    RequestHeaders methodOnly = RestFixture::adminBasic();
    methodOnly << qMakePair("X-Original-Method"_ba, "GET"_ba);
    expectAnswer(m_fx->http.get(url, methodOnly), 403);
}

void ForwardAuthRulesTest::revokedAndExpiredTokens()
{
    const TokenApi::Created revoked = TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"r"_s, {u"page:read"_s});
    const TokenApi::Created expiring = TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"e"_s, {u"page:read"_s},
                                                        TestConstants::isoUtc(m_fx->server.clock().now().addSecs(60)));
    QVERIFY(revoked.ok() && expiring.ok());
    expectAnswer(verify(*m_fx, "GET", "/pages/x", HttpClient::bearer(revoked.secret)), 200, "admin", "admin",
                 "api_token");
    EXPECT_STATUS(TokenApi::revoke(m_fx->rest, revoked.id, RestFixture::adminBasic()), 200);
    expectAnswer(verify(*m_fx, "GET", "/pages/x", HttpClient::bearer(revoked.secret)), 401);
    m_fx->server.clock().advanceSecs(61);
    expectAnswer(verify(*m_fx, "GET", "/pages/x", HttpClient::bearer(expiring.secret)), 401);
    expectAnswer(verify(*m_fx, "GET", "/pages/x", HttpClient::bearer(m_pageToken)), 200, "admin", "admin", "api_token");
}

void ForwardAuthRulesTest::noRulesAnyAuthenticated()
{
    const auto fx = startServer({});
    QVERIFY(fx->server.isRunning() && fx->enableAuth());
    QVERIFY(!fx->createUser(Olivia, u"viewer"_s, TestPasswords::second()).isEmpty());
    const QByteArray token = TokenApi::create(fx->rest, RestFixture::adminBasic(), u"t"_s, {u"page:read"_s}).secret;
    expectAnswer(verify(*fx, "DELETE", "/anything/at/all", HttpClient::bearer(token)), 200, "admin", "admin",
                 "api_token");
    expectAnswer(verify(*fx, "POST", "/users/1", HttpClient::basic(Olivia, TestPasswords::second())), 200, "olivia",
                 "viewer", "basic");
    expectAnswer(fx->http.get(fx->server.url(u"/auth/verify"_s), RestFixture::adminBasic()), 200, "admin", "admin",
                 "basic");
    expectAnswer(verify(*fx, "GET", "/anything", {}), 401);
}

void ForwardAuthRulesTest::anonymousWhileAuthDisabled()
{
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, Rules);
    const auto fx = startServer(environment);
    QVERIFY(fx->server.isRunning());
    expectAnswer(verify(*fx, "POST", "/users/1", {}), 200, "admin", "admin", "anonymous");
    expectAnswer(verify(*fx, "GET", "/other", {}), 403); // still no rule for it
}

void ForwardAuthRulesTest::lockedOutBasic_data()
{
    QTest::addColumn<bool>("unknownTokens");
    QTest::newRow("locked by wrong Basic") << false;
    QTest::newRow("locked by unknown API tokens") << true;
}

void ForwardAuthRulesTest::lockedOutBasic()
{
    QFETCH(bool, unknownTokens);
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, Rules);
    const auto fx = startServer(environment);
    QVERIFY(fx->server.isRunning() && fx->enableAuth());
    const QByteArray token = TokenApi::create(fx->rest, RestFixture::adminBasic(), u"t"_s, {u"page:read"_s}).secret;
    const QByteArray jwt = fx->rest.loginPair(u"admin"_s, TestPasswords::first()).access;
    QVERIFY(!token.isEmpty() && !jwt.isEmpty());
    for (int i = 0; i < 5; ++i) { // the MAX-th failure still gets the normal 401
        const RequestHeaders wrong = unknownTokens ? HttpClient::bearer(ApiTokenCheck::randomWellFormed())
                                                   : HttpClient::basic(u"admin"_s, TestPasswords::wrong());
        expectAnswer(verify(*fx, "GET", "/pages/x", wrong), 401);
    }
    fx->server.clock().advanceSecs(100);
    const HttpResponse locked = verify(*fx, "GET", "/pages/x", RestFixture::adminBasic());
    expectAnswer(locked, 403);
    QCOMPARE(locked.header("Retry-After").trimmed(), QByteArray("800"));
    // Bearer tokens and API tokens keep working during a lockout.
    expectAnswer(verify(*fx, "GET", "/pages/x", HttpClient::bearer(token)), 200, "admin", "admin", "api_token");
    expectAnswer(verify(*fx, "GET", "/pages/x", HttpClient::bearer(jwt)), 200, "admin", "admin", "bearer");
}

void ForwardAuthRulesTest::lockoutPerForwardedClient()
{
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, Rules);
    environment.insert(u"GATEHOUSE_TRUSTED_PROXIES"_s, u"127.0.0.1"_s); // the proxy is the peer
    const auto fx = startServer(environment);
    QVERIFY(fx->server.isRunning() && fx->enableAuth());
    const auto from = [](const char* address, const RequestHeaders& auth) {
        return auth + RequestHeaders{{"X-Forwarded-For", address}};
    };
    const RequestHeaders wrong = HttpClient::basic(u"admin"_s, TestPasswords::wrong());
    for (int i = 0; i < 5; ++i)
        expectAnswer(verify(*fx, "GET", "/pages/x", from("10.0.0.1", wrong)), 401);
    const HttpResponse locked = verify(*fx, "GET", "/pages/x", from("10.0.0.1", RestFixture::adminBasic()));
    expectAnswer(locked, 403);
    QCOMPARE(locked.header("Retry-After").trimmed(), QByteArray("900"));
    expectAnswer(verify(*fx, "GET", "/pages/x", from("10.0.0.2", RestFixture::adminBasic())), 200, "admin", "admin",
                 "basic");
}

void ForwardAuthRulesTest::throttledClient()
{
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, Rules);
    environment.insert(u"GLOBAL_RATE_LIMIT_RPS"_s, u"1"_s);
    environment.insert(u"GLOBAL_RATE_LIMIT_BURST"_s, u"3"_s);
    const auto fx = startServer(environment);
    QVERIFY(fx->server.isRunning() && fx->enableAuth());
    fx->server.clock().advanceSecs(60); // a full bucket again after the set-up
    for (int i = 0; i < 3; ++i)
        expectAnswer(verify(*fx, "GET", "/pages/x", RestFixture::adminBasic()), 200, "admin", "admin", "basic");
    const HttpResponse throttled = verify(*fx, "GET", "/pages/x", RestFixture::adminBasic());
    expectAnswer(throttled, 403);
    QCOMPARE(throttled.header("Retry-After").trimmed(), QByteArray("1"));
}

void ForwardAuthRulesTest::setupRequired()
{
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, Rules);
    environment.insert(u"GATEHOUSE_REQUIRE_AUTH"_s, u"true"_s);
    const auto fx = startServer(environment);
    QVERIFY(fx->server.isRunning());
    expectAnswer(verify(*fx, "GET", "/pages/x", {}), 403);
    expectAnswer(verify(*fx, "GET", "/pages/x", RestFixture::adminBasic()), 403);
}

QTEST_GUILESS_MAIN(ForwardAuthRulesTest)
#include "forwardauth_rules.moc"
