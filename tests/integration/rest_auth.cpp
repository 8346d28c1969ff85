// The rest dialect's authentication: /health, POST /api/auth/login (the JWT pair and its
// claims under the MockClock), refresh rotation and reuse detection, logout with Bearer
// and Basic, JWT_EXPIRE_DURATION, and GET /api/me for every kind of caller.
#include "tests/testsupport/jwtforge.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>

#include <algorithm>
#include <memory>

namespace {

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

qint64 startSecs()
{
    return TestConstants::startMs() / 1000;
}

QString claim(const QByteArray& token, const QString& name)
{
    const QJsonValue value = JwtForge::payload(token).value(name);
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

qint64 expiry(const QByteArray& token)
{
    return JwtForge::payload(token).value(QStringLiteral("exp")).toInteger();
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

QStringList adminPermissions()
{
    QStringList all;
    for (const char* resource : {"users", "tokens", "sessions", "ratelimit", "logs", "system", "pipeline"}) {
        all << QLatin1String(resource) + QLatin1String(":read") << QLatin1String(resource) + QLatin1String(":write");
    }
    return sorted(all);
}

} // namespace

class RestAuthTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void health_data();
    void health();
    void loginReturnsPair();
    void tokenClaims();
    void claimsFollowClock();
    void accessLifetimeConfigurable_data();
    void accessLifetimeConfigurable();
    void wrongPasswordAndUnknownUserLookAlike();
    void malformedLoginsAreNotFailures();
    void refreshRotates();
    void refreshReuseEndsSession();
    void refreshRefusals_data();
    void refreshRefusals();
    void refreshNeedsField();
    void refreshTokenIsNotAnAccessToken();
    void logoutEndsSession();
    void logoutWithBasicIsNoop();
    void logoutNeedsCredential();
    void me_data();
    void me();
    void meAnonymousWhileDisabled();
    void wrongBasic_data();
    void wrongBasic();
    void noCredential();
    void flexTokenAccepted();

private:
    void enable() { QVERIFY(m_fx->enableAuth()); }
    TokenPair adminPair() { return m_fx->rest.loginPair(QStringLiteral("admin"), TestPasswords::first()); }

    std::unique_ptr<RestFixture> m_fx;
};

void RestAuthTest::init()
{
    m_fx = std::make_unique<RestFixture>([](Config& config) { config.resources = {QStringLiteral("pipeline")}; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
}

void RestAuthTest::cleanup()
{
    m_fx.reset();
}

void RestAuthTest::health_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("authEnabled");
    QTest::newRow("/health open") << QStringLiteral("/health") << false;
    QTest::newRow("/health with auth") << QStringLiteral("/health") << true;
    QTest::newRow("/api/health open") << QStringLiteral("/api/health") << false;
    QTest::newRow("/api/health with auth") << QStringLiteral("/api/health") << true;
}

void RestAuthTest::health()
{
    QFETCH(QString, path);
    QFETCH(bool, authEnabled);
    if (authEnabled)
        enable();
    const HttpResponse response = m_fx->rest.get(path);
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response,
                QJsonObject{{QStringLiteral("status"), QStringLiteral("healthy")},
                            {QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION)}});
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
}

void RestAuthTest::loginReturnsPair()
{
    enable();
    const HttpResponse response = m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first());
    EXPECT_STATUS(response, 200);
    const QJsonObject body = response.object();
    QCOMPARE(sorted(body.keys()),
             QStringList({QStringLiteral("access_token"), QStringLiteral("refresh_token"), QStringLiteral("status"),
                          QStringLiteral("token_type")}));
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    const TokenPair pair = TokenPair::from(response);
    QVERIFY(pair.isValid());
    QVERIFY(pair.access != pair.refresh);
    EXPECT_REST_SUCCESS(m_fx->rest.me(RestClient::bearer(pair.access)));
}

void RestAuthTest::tokenClaims()
{
    enable();
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    for (const QByteArray& token : {pair.access, pair.refresh}) {
        QCOMPARE(JwtForge::header(token).value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        QVERIFY2(JwtForge::verifyHs256(token, TestConstants::secretKey()), "not signed with SECRET_KEY");
        QCOMPARE(claim(token, QStringLiteral("iss")), QStringLiteral("gatehouse"));
        QCOMPARE(JwtForge::payload(token).value(QStringLiteral("iat")).toInteger(), startSecs());
        for (const QString& name : {QStringLiteral("sub"), QStringLiteral("sid"), QStringLiteral("jti")})
            QVERIFY2(!claim(token, name).isEmpty(), qPrintable(name));
    }
    QCOMPARE(claim(pair.access, QStringLiteral("type")), QStringLiteral("access"));
    QCOMPARE(claim(pair.refresh, QStringLiteral("type")), QStringLiteral("refresh"));
    QCOMPARE(claim(pair.access, QStringLiteral("sid")), claim(pair.refresh, QStringLiteral("sid")));
    QCOMPARE(claim(pair.access, QStringLiteral("sub")), claim(pair.refresh, QStringLiteral("sub")));
    QVERIFY(claim(pair.access, QStringLiteral("jti")) != claim(pair.refresh, QStringLiteral("jti")));
    QCOMPARE(expiry(pair.access), startSecs() + 8 * kHour);
    QCOMPARE(expiry(pair.refresh), startSecs() + 7 * kDay);

    const TokenPair other = adminPair();
    QVERIFY(claim(other.access, QStringLiteral("sid")) != claim(pair.access, QStringLiteral("sid")));
}

void RestAuthTest::claimsFollowClock()
{
    enable();
    m_fx->server.clock().advanceSecs(4321);
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    QCOMPARE(expiry(pair.access), startSecs() + 4321 + 8 * kHour);
    QCOMPARE(expiry(pair.refresh), startSecs() + 4321 + 7 * kDay);
}

void RestAuthTest::accessLifetimeConfigurable_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::newRow("90s") << qint64(90);
    QTest::newRow("15m") << qint64(15 * 60);
    QTest::newRow("2d") << qint64(2 * kDay);
}

void RestAuthTest::accessLifetimeConfigurable()
{
    QFETCH(qint64, lifetime);
    RestFixture fx([lifetime](Config& config) { config.lifetimes.restAccessSecs = lifetime; });
    QVERIFY2(fx.start(), qPrintable(fx.startError()));
    QVERIFY(fx.enableAuth());
    const TokenPair pair = fx.rest.loginPair(QStringLiteral("admin"), TestPasswords::first());
    QVERIFY(pair.isValid());
    QCOMPARE(expiry(pair.access), startSecs() + lifetime);
    QCOMPARE(expiry(pair.refresh), startSecs() + 7 * kDay); // refresh lifetime does not follow

    fx.server.clock().advanceSecs(lifetime - 1);
    EXPECT_STATUS(fx.rest.me(RestClient::bearer(pair.access)), 200);
    fx.server.clock().advanceSecs(1); // no leeway: at exp the token is dead
    EXPECT_REST_ERROR(fx.rest.me(RestClient::bearer(pair.access)), 401, QStringLiteral("unauthorized"));
    // The session lives on through its refresh token.
    const TokenPair renewed = TokenPair::from(fx.rest.refresh(pair.refresh));
    QVERIFY(renewed.isValid());
    QCOMPARE(expiry(renewed.access), startSecs() + 2 * lifetime);
    EXPECT_STATUS(fx.rest.me(RestClient::bearer(renewed.access)), 200);
}

void RestAuthTest::wrongPasswordAndUnknownUserLookAlike()
{
    // Answering unknown names differently would tell an attacker which accounts exist.
    enable();
    const HttpResponse wrong = m_fx->rest.login(QStringLiteral("admin"), TestPasswords::wrong());
    const HttpResponse unknown = m_fx->rest.login(QStringLiteral("nobody"), TestPasswords::wrong());
    EXPECT_REST_ERROR(wrong, 401, QStringLiteral("invalid_credentials"));
    EXPECT_REST_ERROR(unknown, 401, QStringLiteral("invalid_credentials"));
    QCOMPARE(wrong.body, unknown.body);
    QCOMPARE(wrong.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("Invalid username or password"));
    QCOMPARE(wrong.header("Content-Type"), unknown.header("Content-Type"));
}

void RestAuthTest::malformedLoginsAreNotFailures()
{
    enable();
    const QUrl url = m_fx->rest.url(QStringLiteral("/api/auth/login"));
    const QList<QByteArray> bodies{"{",
                                   "{}",
                                   "[1]",
                                   "null",
                                   "{\"username\":\"admin\"}",
                                   "{\"password\":\"Tr0ub4dor-gatehouse-2026\"}",
                                   "{\"username\":1,\"password\":\"x\"}",
                                   "{\"username\":\"admin\",\"password\":[]}"};
    for (const QByteArray& body : bodies) {
        const HttpResponse response = m_fx->http.send("POST", url, body, {{"Content-Type", "application/json"}});
        EXPECT_REST_ERROR(response, 400, QStringLiteral("bad_request"));
    }
    // Eight bad requests, more than MAX_LOGIN_ATTEMPTS: none counted, so no lockout.
    EXPECT_REST_SUCCESS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()));
}

void RestAuthTest::refreshRotates()
{
    enable();
    const TokenPair first = adminPair();
    QVERIFY(first.isValid());
    m_fx->server.clock().advanceSecs(600);
    const HttpResponse response = m_fx->rest.refresh(first.refresh);
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(response.object().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    const TokenPair second = TokenPair::from(response);
    QVERIFY(second.isValid());
    QVERIFY(second.access != first.access && second.refresh != first.refresh);
    QCOMPARE(claim(second.access, QStringLiteral("sid")), claim(first.access, QStringLiteral("sid")));
    QCOMPARE(claim(second.refresh, QStringLiteral("type")), QStringLiteral("refresh"));
    QCOMPARE(expiry(second.access), startSecs() + 600 + 8 * kHour);
    QCOMPARE(expiry(second.refresh), startSecs() + 600 + 7 * kDay); // the session's end moves too

    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(second.access)), 200);
    // The old access token belongs to the same live session: valid until its own exp.
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(first.access)), 200);
    // The new refresh token rotates again.
    const TokenPair third = TokenPair::from(m_fx->rest.refresh(second.refresh));
    QVERIFY(third.isValid());
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(third.access)), 200);
}

void RestAuthTest::refreshReuseEndsSession()
{
    enable();
    const TokenPair first = adminPair();
    const TokenPair bystander = adminPair();
    QVERIFY(first.isValid() && bystander.isValid());
    const TokenPair second = TokenPair::from(m_fx->rest.refresh(first.refresh));
    QVERIFY(second.isValid());

    // The spent token again: a copy exists somewhere, so the whole session ends.
    EXPECT_REST_ERROR(m_fx->rest.refresh(first.refresh), 401, QStringLiteral("unauthorized"));
    EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(second.access)), 401, QStringLiteral("unauthorized"));
    EXPECT_REST_ERROR(m_fx->rest.refresh(second.refresh), 401, QStringLiteral("unauthorized"));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(first.access)), 401);
    // Another session of the same account is not touched.
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(bystander.access)), 200);
    EXPECT_REST_SUCCESS(m_fx->rest.refresh(bystander.refresh));
}

void RestAuthTest::refreshRefusals_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"access token", "garbage", "empty", "other key", "expired", "logged out", "edited"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void RestAuthTest::refreshRefusals()
{
    QFETCH(QString, kind);
    enable();
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    QByteArray presented = pair.refresh;
    if (kind == u"access token") {
        presented = pair.access;
    } else if (kind == u"garbage") {
        presented = "not-a-jwt";
    } else if (kind == u"empty") {
        presented = "";
    } else if (kind == u"other key") {
        presented = JwtForge::signHs256(JwtForge::payload(pair.refresh), "another-key-of-sufficient-length-123456");
    } else if (kind == u"expired") {
        m_fx->server.clock().advanceSecs(7 * kDay);
    } else if (kind == u"logged out") {
        EXPECT_STATUS(m_fx->rest.logout(RestClient::bearer(pair.access)), 200);
    } else if (kind == u"edited") {
        QJsonObject claims = JwtForge::payload(pair.refresh);
        claims.insert(QStringLiteral("exp"), claims.value(QStringLiteral("exp")).toInteger() + kDay);
        presented = JwtForge::withPayload(pair.refresh, claims);
    }
    const HttpResponse response = m_fx->rest.refresh(presented);
    // An empty string may be read as a missing field (400) or as a token that fails (401).
    const bool expected = kind == u"empty" ? response.status == 400 || response.status == 401 : response.status == 401;
    QVERIFY2(expected, qPrintable(response.describe()));
    QCOMPARE(response.object().value(QStringLiteral("status")).toString(), QStringLiteral("error"));
}

void RestAuthTest::refreshNeedsField()
{
    enable();
    const QUrl url = m_fx->rest.url(QStringLiteral("/api/auth/refresh"));
    for (const QByteArray& body : {QByteArray("{}"), QByteArray("{"), QByteArray("{\"refresh_token\":7}"),
                                   QByteArray("{\"refreshToken\":\"x\"}")}) {
        EXPECT_REST_ERROR(m_fx->http.send("POST", url, body), 400, QStringLiteral("bad_request"));
    }
}

void RestAuthTest::refreshTokenIsNotAnAccessToken()
{
    enable();
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(pair.refresh)), 401, QStringLiteral("unauthorized"));
    EXPECT_STATUS(m_fx->rest.logout(RestClient::bearer(pair.refresh)), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 200); // and it ended nothing
}

void RestAuthTest::logoutEndsSession()
{
    enable();
    const TokenPair pair = adminPair();
    const TokenPair other = adminPair();
    QVERIFY(pair.isValid() && other.isValid());
    const HttpResponse response = m_fx->rest.logout(RestClient::bearer(pair.access));
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});

    EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(pair.access)), 401, QStringLiteral("unauthorized"));
    EXPECT_STATUS(m_fx->rest.logout(RestClient::bearer(pair.access)), 401);
    EXPECT_STATUS(m_fx->rest.refresh(pair.refresh), 401);
    EXPECT_STATUS(m_fx->flex.session(pair.access), 401); // dead in every dialect
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(other.access)), 200);
}

void RestAuthTest::logoutWithBasicIsNoop()
{
    enable();
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    const HttpResponse response = m_fx->rest.logout(RestFixture::adminBasic());
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});
    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 200);
}

void RestAuthTest::logoutNeedsCredential()
{
    enable();
    EXPECT_REST_ERROR(m_fx->rest.logout({}), 401, QStringLiteral("unauthorized"));
}

void RestAuthTest::me_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("useBasic");
    QTest::addColumn<QStringList>("permissions");
    const QStringList operatorPermissions{QStringLiteral("logs:read"), QStringLiteral("pipeline:read"),
                                          QStringLiteral("pipeline:write")};
    QTest::newRow("admin bearer") << QStringLiteral("admin") << false << adminPermissions();
    QTest::newRow("admin basic") << QStringLiteral("admin") << true << adminPermissions();
    QTest::newRow("operator bearer") << QStringLiteral("operator") << false << operatorPermissions;
    QTest::newRow("operator basic") << QStringLiteral("operator") << true << operatorPermissions;
    QTest::newRow("viewer bearer") << QStringLiteral("viewer") << false << QStringList{QStringLiteral("pipeline:read")};
    QTest::newRow("viewer basic") << QStringLiteral("viewer") << true << QStringList{QStringLiteral("pipeline:read")};
}

void RestAuthTest::me()
{
    QFETCH(QString, role);
    QFETCH(bool, useBasic);
    QFETCH(QStringList, permissions);
    enable();
    QString username = QStringLiteral("admin");
    QString password = TestPasswords::first();
    if (role != u"admin") {
        username = QStringLiteral("the-") + role;
        password = TestPasswords::second();
        QVERIFY(!m_fx->createUser(username, role, password).isEmpty());
    }
    const TokenPair pair = m_fx->rest.loginPair(username, password);
    QVERIFY(pair.isValid());
    const HttpResponse response =
        m_fx->rest.me(useBasic ? RestClient::basic(username, password) : RestClient::bearer(pair.access));
    EXPECT_REST_SUCCESS(response);
    const QJsonObject body = response.object();
    QCOMPARE(body.value(QStringLiteral("auth")).toString(),
             useBasic ? QStringLiteral("basic") : QStringLiteral("bearer"));
    QCOMPARE(sorted(stringList(body.value(QStringLiteral("permissions")))), sorted(permissions));
    const QJsonObject user = body.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("username")).toString(), username);
    QCOMPARE(user.value(QStringLiteral("role")).toString(), role);
    QCOMPARE(RestClient::idText(user.value(QStringLiteral("id"))), claim(pair.access, QStringLiteral("sub")));
    QVERIFY(user.value(QStringLiteral("firstname")).isString());
    QVERIFY(user.value(QStringLiteral("lastname")).isString());
    for (const QString& secret : {QStringLiteral("password"), QStringLiteral("password_hash")})
        QVERIFY2(!user.contains(secret), qPrintable(secret));
}

void RestAuthTest::meAnonymousWhileDisabled()
{
    const HttpResponse response = m_fx->rest.me();
    EXPECT_REST_SUCCESS(response);
    const QJsonObject body = response.object();
    QCOMPARE(body.value(QStringLiteral("auth")).toString(), QStringLiteral("anonymous"));
    QCOMPARE(body.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(),
             QStringLiteral("admin"));
    QCOMPARE(body.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("admin"));
    QCOMPARE(sorted(stringList(body.value(QStringLiteral("permissions")))), adminPermissions());
}

void RestAuthTest::wrongBasic_data()
{
    QTest::addColumn<QByteArray>("authorization");
    const auto header = [](const QString& user, const QString& password) {
        return HttpClient::basic(user, password).first().second;
    };
    QTest::newRow("wrong password") << header(QStringLiteral("admin"), TestPasswords::wrong());
    QTest::newRow("unknown user") << header(QStringLiteral("nobody"), TestPasswords::first());
    QTest::newRow("no colon") << QByteArray("Basic ") + QByteArray("admin").toBase64();
    QTest::newRow("not base64") << QByteArray("Basic !!!###");
    QTest::newRow("empty") << QByteArray("Basic ");
}

void RestAuthTest::wrongBasic()
{
    QFETCH(QByteArray, authorization);
    enable();
    const HttpResponse response = m_fx->rest.me({{"Authorization", authorization}});
    EXPECT_STATUS(response, 401);
    QCOMPARE(response.object().value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 200);
}

void RestAuthTest::noCredential()
{
    enable();
    EXPECT_REST_ERROR(m_fx->rest.me(), 401, QStringLiteral("unauthorized"));
    EXPECT_REST_ERROR(m_fx->rest.me({{"Authorization", "Bearer not.a.token"}}), 401, QStringLiteral("unauthorized"));
}

void RestAuthTest::flexTokenAccepted()
{
    // One token verifier for every dialect: a flex login's token is a Bearer credential here.
    enable();
    const QByteArray token = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!token.isEmpty());
    const HttpResponse response = m_fx->rest.me(RestClient::bearer(token));
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(response.object().value(QStringLiteral("auth")).toString(), QStringLiteral("bearer"));
    EXPECT_STATUS(m_fx->rest.logout(RestClient::bearer(token)), 200);
    EXPECT_STATUS(m_fx->flex.session(token), 401);
}

QTEST_GUILESS_MAIN(RestAuthTest)
#include "rest_auth.moc"
