// The flex dialect's public surface: health, version, auth status, the 404/401 rules for
// unknown routes, the security headers and JSON content type on every answer.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/testhelpers.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

enum class AuthState {
    Disabled,
    EnabledAnonymous,
    EnabledBadToken,
    EnabledToken
};

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> pairs)
{
    return QJsonObject(pairs);
}

} // namespace

Q_DECLARE_METATYPE(AuthState)

class FlexPublicTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void health_data();
    void health();
    void healthStaysPublicWhenAuthEnabled_data();
    void healthStaysPublicWhenAuthEnabled();
    void version();
    void authStatusFollowsPassword();
    void securityHeaders_data();
    void securityHeaders();
    void plainHttpOmitsHsts();
    void unknownRoutes_data();
    void unknownRoutes();
    void malformedBodies_data();
    void malformedBodies();
    void requireAuthWithoutPassword();
    void clientTrustsOnlyTheServerCertificate();

private:
    // Brings the fixture into `state`; returns the bearer token to use ("" for none).
    QByteArray enterState(AuthState state);

    std::unique_ptr<FlexFixture> m_fx;
};

void FlexPublicTest::init()
{
    m_fx = std::make_unique<FlexFixture>([](Config& config) { config.globalRateLimitRps = 0; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
}

void FlexPublicTest::cleanup()
{
    m_fx.reset();
}

QByteArray FlexPublicTest::enterState(AuthState state)
{
    if (state == AuthState::Disabled)
        return {};
    if (!m_fx->enableAuth(TestPasswords::first()))
        return QByteArrayLiteral("<enable failed>");
    if (state == AuthState::EnabledBadToken)
        return QByteArrayLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
    if (state == AuthState::EnabledToken)
        return m_fx->flex.loginToken(TestPasswords::first());
    return {};
}

void FlexPublicTest::health_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("health") << QStringLiteral("/flex/health");
    QTest::newRow("healthz") << QStringLiteral("/flex/healthz");
}

void FlexPublicTest::health()
{
    QFETCH(QString, path);
    const HttpResponse response = m_fx->http.get(m_fx->server.url(path));
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, obj({{QStringLiteral("status"), QStringLiteral("ok")}}));
}

void FlexPublicTest::healthStaysPublicWhenAuthEnabled_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("health") << QStringLiteral("/flex/health");
    QTest::newRow("healthz") << QStringLiteral("/flex/healthz");
    QTest::newRow("version") << QStringLiteral("/flex/version");
    QTest::newRow("auth/status") << QStringLiteral("/flex/auth/status");
}

void FlexPublicTest::healthStaysPublicWhenAuthEnabled()
{
    QFETCH(QString, path);
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    EXPECT_STATUS(m_fx->http.get(m_fx->server.url(path)), 200);
}

void FlexPublicTest::version()
{
    const HttpResponse response = m_fx->http.get(m_fx->server.url(QStringLiteral("/flex/version")));
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response,
                obj({{QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION)},
                     {QStringLiteral("api"), QStringLiteral("flex")}}));
    static const QRegularExpression semver(QStringLiteral(R"(^\d+\.\d+\.\d+$)"));
    QVERIFY(semver.match(response.object().value(QStringLiteral("version")).toString()).hasMatch());
}

void FlexPublicTest::authStatusFollowsPassword()
{
    const auto enabled = [](bool on) { return obj({{QStringLiteral("auth_enabled"), on}}); };
    HttpResponse response = m_fx->flex.status();
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, enabled(false));

    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    response = m_fx->flex.status();
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, enabled(true));

    const QByteArray token = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!token.isEmpty());
    EXPECT_STATUS(m_fx->flex.removePassword(token), 200);
    response = m_fx->flex.status();
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, enabled(false));
}

void FlexPublicTest::securityHeaders_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<AuthState>("state");
    QTest::addColumn<int>("expected");
    const QByteArray wrongLogin = QByteArrayLiteral(R"({"password": "not-the-Password-8841"})");
    QTest::newRow("health") << QByteArray("GET") << QStringLiteral("/flex/health") << QByteArray()
                            << AuthState::Disabled << 200;
    QTest::newRow("version") << QByteArray("GET") << QStringLiteral("/flex/version") << QByteArray()
                             << AuthState::Disabled << 200;
    QTest::newRow("status") << QByteArray("GET") << QStringLiteral("/flex/auth/status") << QByteArray()
                            << AuthState::EnabledAnonymous << 200;
    QTest::newRow("login 400") << QByteArray("POST") << QStringLiteral("/flex/auth/login") << wrongLogin
                               << AuthState::EnabledAnonymous << 400;
    QTest::newRow("malformed 400") << QByteArray("POST") << QStringLiteral("/flex/auth/login") << QByteArray("{nope")
                                   << AuthState::EnabledAnonymous << 400;
    QTest::newRow("session 401") << QByteArray("GET") << QStringLiteral("/flex/auth/session") << QByteArray()
                                 << AuthState::EnabledAnonymous << 401;
    QTest::newRow("session 200") << QByteArray("GET") << QStringLiteral("/flex/auth/session") << QByteArray()
                                 << AuthState::EnabledToken << 200;
    QTest::newRow("unknown 404") << QByteArray("GET") << QStringLiteral("/flex/pipeline") << QByteArray()
                                 << AuthState::Disabled << 404;
    QTest::newRow("unknown 401") << QByteArray("GET") << QStringLiteral("/flex/pipeline") << QByteArray()
                                 << AuthState::EnabledAnonymous << 401;
}

void FlexPublicTest::securityHeaders()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(AuthState, state);
    QFETCH(int, expected);
    const QByteArray token = enterState(state);
    const HttpResponse response = m_fx->http.send(method, m_fx->server.url(path), body,
                                                  token.isEmpty() ? RequestHeaders{} : HttpClient::bearer(token));
    EXPECT_STATUS(response, expected);
    QVERIFY2(response.header("Cache-Control").contains("no-store"), response.header("Cache-Control"));
    QCOMPARE(response.header("X-Content-Type-Options").trimmed().toLower(), QByteArray("nosniff"));
    const QByteArray hsts = response.header("Strict-Transport-Security");
    QVERIFY2(hsts.toLower().contains("max-age="), hsts);
    QVERIFY2(response.header("Content-Type").toLower().startsWith("application/json"), response.header("Content-Type"));
    QVERIFY2(response.json.isObject(), response.body);
}

void FlexPublicTest::plainHttpOmitsHsts()
{
    // RFC 6797 7.2: HSTS must not be sent over plain HTTP; the other headers still are.
    FlexFixture plain([](Config& config) {
        config.plainHttp = true;
        config.globalRateLimitRps = 0;
    });
    QVERIFY2(plain.start(), qPrintable(plain.startError()));
    QCOMPARE(plain.server.url(QStringLiteral("/x")).scheme(), QStringLiteral("http"));
    const HttpResponse response = plain.http.get(plain.server.url(QStringLiteral("/flex/health")));
    EXPECT_STATUS(response, 200);
    QVERIFY(response.header("Cache-Control").contains("no-store"));
    QCOMPARE(response.header("X-Content-Type-Options").trimmed().toLower(), QByteArray("nosniff"));
    QVERIFY(!response.hasHeader("Strict-Transport-Security"));
}

void FlexPublicTest::unknownRoutes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<AuthState>("state");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("error");
    const QString notFound = QStringLiteral("Not found");
    const QString unauthorized = QStringLiteral("Unauthorized");
    const QList<QPair<QByteArray, QString>> routes{{"GET", QStringLiteral("/flex/pipeline")},
                                                   {"POST", QStringLiteral("/flex/pipeline/start")},
                                                   {"DELETE", QStringLiteral("/flex/outputs/3")},
                                                   {"GET", QStringLiteral("/flex/auth/nothing")}};
    for (const auto& [method, path] : routes) {
        const QByteArray name = method + ' ' + path.toUtf8();
        QTest::addRow("%s disabled", name.constData()) << method << path << AuthState::Disabled << 404 << notFound;
        QTest::addRow("%s anonymous", name.constData())
            << method << path << AuthState::EnabledAnonymous << 401 << unauthorized;
        QTest::addRow("%s bad token", name.constData())
            << method << path << AuthState::EnabledBadToken << 401 << unauthorized;
        QTest::addRow("%s token", name.constData()) << method << path << AuthState::EnabledToken << 404 << notFound;
    }
}

void FlexPublicTest::unknownRoutes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(AuthState, state);
    QFETCH(int, expected);
    QFETCH(QString, error);
    const QByteArray token = enterState(state);
    QVERIFY(state != AuthState::EnabledToken || token.size() > 20);
    const HttpResponse response = m_fx->http.send(method, m_fx->server.url(path), {},
                                                  token.isEmpty() ? RequestHeaders{} : HttpClient::bearer(token));
    EXPECT_STATUS(response, expected);
    EXPECT_FLEX_ERROR(response, error);
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
}

void FlexPublicTest::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("authEnabled");
    const QString login = QStringLiteral("/flex/auth/login");
    const QString password = QStringLiteral("/flex/auth/password");
    QTest::newRow("login truncated") << QByteArray("POST") << login << QByteArray("{\"password\":") << true;
    QTest::newRow("login array") << QByteArray("POST") << login << QByteArray("[\"x\"]") << true;
    QTest::newRow("login number") << QByteArray("POST") << login << QByteArray("{\"password\": 5}") << true;
    QTest::newRow("login no field") << QByteArray("POST") << login << QByteArray("{\"pass\": \"x\"}") << true;
    QTest::newRow("login empty") << QByteArray("POST") << login << QByteArray() << true;
    QTest::newRow("login not json") << QByteArray("POST") << login << QByteArray("password=x") << true;
    QTest::newRow("set truncated") << QByteArray("PUT") << password << QByteArray("{\"password") << false;
    QTest::newRow("set no field") << QByteArray("PUT") << password << QByteArray("{}") << false;
    QTest::newRow("set null") << QByteArray("PUT") << password << QByteArray("{\"password\": null}") << false;
}

void FlexPublicTest::malformedBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, authEnabled);
    if (authEnabled)
        QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const HttpResponse response =
        m_fx->http.send(method, m_fx->server.url(path), body, {{"Content-Type", "application/json"}});
    EXPECT_STATUS(response, 400);
    EXPECT_FLEX_ERROR(response, QString());
    // Bad input changes nothing: the auth state is what it was.
    EXPECT_BODY(m_fx->flex.status(), obj({{QStringLiteral("auth_enabled"), authEnabled}}));
}

void FlexPublicTest::requireAuthWithoutPassword()
{
    // require_auth: an install that must not run open answers 503 on protected endpoints
    // until a password is set; the public ones and the first PUT stay open.
    FlexFixture strict([](Config& config) {
        config.requireAuth = true;
        config.globalRateLimitRps = 0;
    });
    QVERIFY2(strict.start(), qPrintable(strict.startError()));
    for (const QString& path : {QStringLiteral("/flex/auth/session"), QStringLiteral("/flex/pipeline")}) {
        const HttpResponse response = strict.http.get(strict.server.url(path));
        EXPECT_STATUS(response, 503);
        EXPECT_FLEX_ERROR(response, QString());
    }
    EXPECT_STATUS(strict.flex.removePassword(), 503);
    EXPECT_STATUS(strict.flex.logout(), 503);
    for (const QString& path :
         {QStringLiteral("/flex/health"), QStringLiteral("/flex/version"), QStringLiteral("/flex/auth/status")})
        EXPECT_STATUS(strict.http.get(strict.server.url(path)), 200);
    EXPECT_BODY(strict.flex.status(), obj({{QStringLiteral("auth_enabled"), false}}));

    EXPECT_STATUS(strict.flex.setPassword(TestPasswords::first()), 200);
    EXPECT_STATUS(strict.flex.session(), 401);
    const QByteArray token = strict.flex.loginToken(TestPasswords::first());
    EXPECT_STATUS(strict.flex.session(token), 200);
}

void FlexPublicTest::clientTrustsOnlyTheServerCertificate()
{
    // The test client must not pass by ignoring TLS errors: without the server's
    // certificate as its trust anchor it gets no answer at all.
    HttpClient untrusting;
    const HttpResponse refused = untrusting.get(m_fx->server.url(QStringLiteral("/flex/health")));
    QCOMPARE(refused.status, 0);
    QVERIFY(!refused.error.isEmpty());
    FlexFixture other;
    QVERIFY2(other.start(), qPrintable(other.startError()));
    HttpClient wrongAnchor(other.server.certificatePath());
    QCOMPARE(wrongAnchor.get(m_fx->server.url(QStringLiteral("/flex/health"))).status, 0);
    EXPECT_STATUS(m_fx->http.get(m_fx->server.url(QStringLiteral("/flex/health"))), 200);
}

QTEST_GUILESS_MAIN(FlexPublicTest)
#include "flex_public.moc"
