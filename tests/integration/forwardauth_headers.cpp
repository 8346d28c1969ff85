// Forward-auth header confusion (issue 11, finding 8): GET /auth/verify learns the request to
// check from one family of headers — X-Original-Method + X-Original-URI (nginx, as our
// configuration sets them) or X-Forwarded-Method + X-Forwarded-Uri (Traefik). Both proxies
// pass the client's own headers on, so a client can add the family its proxy does not set:
// a request naming its target ambiguously (families that disagree, half a family, a header
// twice, a method that is no token) is refused before any credential is looked at, and a
// request naming no target is covered by no rule (never public). Raw bytes, so that a
// header can be sent twice.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/environmentconfig.h"
#include "tests/testsupport/rawclient.h"
#include "tests/testsupport/restfixture.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const Headers NginxHealth{{"X-Original-Method", "GET"}, {"X-Original-URI", "/health"}};
const Headers TraefikHealth{{"X-Forwarded-Method", "GET"}, {"X-Forwarded-Uri", "/health"}};
const Headers TraefikAgent{{"X-Forwarded-Method", "POST"}, {"X-Forwarded-Uri", "/agent/run"}};

} // namespace

class ForwardAuthHeadersTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void target_data();
    void target();
    void ambiguousEvenWithCredential();
    void noRulesStillRefusesAmbiguity();

private:
    static std::unique_ptr<RestFixture> startServer(const QString& rules);
    static int verify(RestFixture& fx, const Headers& headers, const QByteArray& method = "GET");

    std::unique_ptr<RestFixture> m_fx;
    QByteArray m_agent; // an API token with agent:write
};

std::unique_ptr<RestFixture> ForwardAuthHeadersTest::startServer(const QString& rules)
{
    QProcessEnvironment environment;
    environment.insert(u"GATEHOUSE_RESOURCES"_s, u"agent"_s);
    if (!rules.isEmpty())
        environment.insert(u"GATEHOUSE_FORWARD_AUTH_RULES"_s, rules);
    auto fx = std::make_unique<RestFixture>(EnvironmentConfig::hook(environment));
    if (!fx->start() || !fx->enableAuth())
        qWarning("server did not start: %s", qPrintable(fx->startError()));
    return fx;
}

// The status /auth/verify answers; the answer must carry no body (a proxy would not read it).
int ForwardAuthHeadersTest::verify(RestFixture& fx, const Headers& headers, const QByteArray& method)
{
    RawClient raw(fx.server.host(), fx.server.port(), true, fx.server.certificatePath());
    if (!raw.connectToServer() || !raw.send(RawClient::request(method, "/auth/verify", {}, headers)))
        return -1;
    const auto response = raw.readResponse();
    if (!response || !response->body.isEmpty())
        return -2;
    return response->status;
}

void ForwardAuthHeadersTest::initTestCase()
{
    m_fx = startServer(u"* /agent agent:write; GET /health public"_s);
    QVERIFY(m_fx->server.isRunning());
    m_agent = TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"agent"_s, {u"agent:write"_s}).secret;
    QVERIFY(!m_agent.isEmpty());
}

void ForwardAuthHeadersTest::cleanupTestCase()
{
    m_fx.reset();
}

// Without a credential: 200 only for a target named unambiguously as GET /health.
void ForwardAuthHeadersTest::target_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::newRow("nginx names the public path") << NginxHealth << 200;
    QTest::newRow("Traefik names the public path") << TraefikHealth << 200;
    QTest::newRow("both families agree") << NginxHealth + TraefikHealth << 200;
    QTest::newRow("the reproduction: a client's X-Original-URI beside Traefik's")
        << TraefikAgent + Headers{{"X-Original-URI", "/health"}} << 403;
    QTest::newRow("a client's X-Original-* beside Traefik's") << TraefikAgent + NginxHealth << 403;
    QTest::newRow("a client's X-Forwarded-* beside nginx's")
        << NginxHealth + Headers{{"X-Forwarded-Method", "POST"}, {"X-Forwarded-Uri", "/agent/run"}} << 403;
    QTest::newRow("families disagree on the method")
        << NginxHealth + Headers{{"X-Forwarded-Method", "POST"}, {"X-Forwarded-Uri", "/health"}} << 403;
    QTest::newRow("families disagree on the path")
        << NginxHealth + Headers{{"X-Forwarded-Method", "GET"}, {"X-Forwarded-Uri", "/agent"}} << 403;
    QTest::newRow("equal once normalised")
        << NginxHealth + Headers{{"X-Forwarded-Method", "get"}, {"X-Forwarded-Uri", "//health/./?x=1"}} << 200;
    QTest::newRow("URI without a method (nginx)") << Headers{{"X-Original-URI", "/health"}} << 403;
    QTest::newRow("URI without a method (Traefik)") << Headers{{"X-Forwarded-Uri", "/health"}} << 403;
    QTest::newRow("method without a URI") << Headers{{"X-Forwarded-Method", "GET"}} << 403;
    QTest::newRow("half of each family") << Headers{{"X-Original-Method", "GET"}, {"X-Forwarded-Uri", "/health"}}
                                         << 403;
    QTest::newRow("no target at all: no rule applies") << Headers{} << 403;
    QTest::newRow("URI twice") << NginxHealth + Headers{{"X-Original-URI", "/agent/run"}} << 403;
    QTest::newRow("same URI twice") << NginxHealth + Headers{{"X-Original-URI", "/health"}} << 403;
    QTest::newRow("method twice") << Headers{{"X-Forwarded-Method", "POST"}} + TraefikHealth << 403;
    QTest::newRow("Traefik URI twice") << TraefikHealth + Headers{{"x-forwarded-uri", "/agent/run"}} << 403;
    QTest::newRow("method is a list") << Headers{{"X-Original-Method", "GET, POST"}, {"X-Original-URI", "/health"}}
                                      << 403;
    QTest::newRow("method with a space") << Headers{{"X-Original-Method", "GET /health"}, {"X-Original-URI", "/x"}}
                                         << 403;
    QTest::newRow("empty method") << Headers{{"X-Original-Method", ""}, {"X-Original-URI", "/health"}} << 403;
}

void ForwardAuthHeadersTest::target()
{
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QCOMPARE(verify(*m_fx, headers), status);
    // The request's own method never stands in for a missing header.
    QCOMPARE(verify(*m_fx, headers, "POST"), status);
}

// Ambiguity is refused before the credential is looked at: a valid agent:write token does
// not turn the reproduction into an answer about either target.
void ForwardAuthHeadersTest::ambiguousEvenWithCredential()
{
    const Headers agent{{"Authorization", "Bearer " + m_agent}};
    QCOMPARE(verify(*m_fx, agent + TraefikAgent), 200);
    QCOMPARE(verify(*m_fx, agent + TraefikAgent + Headers{{"X-Original-URI", "/health"}}), 403);
    QCOMPARE(verify(*m_fx, agent + Headers{{"X-Forwarded-Uri", "/agent/run"}}), 403);
}

// With no rules any valid credential passes whatever the target, and no target is needed;
// an ambiguous one is still refused.
void ForwardAuthHeadersTest::noRulesStillRefusesAmbiguity()
{
    const auto fx = startServer({});
    QVERIFY(fx->server.isRunning());
    const Headers admin{{"Authorization", RestFixture::adminBasic().value(0).second}};
    QCOMPARE(verify(*fx, admin), 200);
    QCOMPARE(verify(*fx, admin + TraefikAgent), 200);
    QCOMPARE(verify(*fx, admin + TraefikAgent + Headers{{"X-Original-URI", "/health"}}), 403);
    QCOMPARE(verify(*fx, admin + NginxHealth + Headers{{"X-Original-URI", "/health"}}), 403);
    QCOMPARE(verify(*fx, TraefikAgent), 401);
}

QTEST_GUILESS_MAIN(ForwardAuthHeadersTest)
#include "forwardauth_headers.moc"
