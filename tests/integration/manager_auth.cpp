// The manager dialect, one test per row of docs/API.md ("manager dialect" and its decisions):
// POST /auth/login (shape, claims, lifetime, failures, the manager 429), /auth/refresh
// (rotation, reuse detection, refusals) and /auth/logout. /auth/openid and the manager
// error envelope for unknown paths, methods, big bodies and throttling: manager_errors.cpp.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/jwtforge.h"
#include "tests/testsupport/managerclient.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kDay = 24 * 3600;
const QString Alice = QStringLiteral("alice");

qint64 startSecs()
{
    return TestConstants::startMs() / 1000;
}

QStringList sortedKeys(const QJsonObject& object)
{
    return object.keys(); // QJsonObject keeps its keys sorted
}

QJsonObject invalidCredentials()
{
    return {{QStringLiteral("error"), QStringLiteral("invalid_credentials")},
            {QStringLiteral("message"), QStringLiteral("Invalid email or password")}};
}

} // namespace

class ManagerAuthTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loginShape();
    void loginClaims();
    void accessLifetimeConfigurable();
    void accessTokenAcrossDialects();
    void accessExpiresWithoutLeeway();
    void wrongLogin_data();
    void wrongLogin();
    void lockoutAnswersManager429();
    void lockoutSharedWithOtherDialects();
    void malformedLogin_data();
    void malformedLogin();
    void loginWhileAuthDisabled();
    void refreshRotates();
    void refreshReuseEndsSession();
    void refreshMovesSessionEnd();
    void refreshRefusals_data();
    void refreshRefusals();
    void refreshNeedsField_data();
    void refreshNeedsField();
    void logoutEndsSession();
    void logoutWithoutSession_data();
    void logoutWithoutSession();
    void logoutAnonymousWhileDisabled();
    void logoutOtherDialectsBearer();
    void logoutNeedsCredential();

private:
    void enable();
    ManagerClient::Tokens aliceTokens() { return m_manager->loginTokens(Alice, TestPasswords::second()); }
    void failAliceLogins(int count);

    std::unique_ptr<RestFixture> m_fx;
    std::unique_ptr<ManagerClient> m_manager;
    QString m_aliceId;
};

void ManagerAuthTest::init()
{
    m_fx = std::make_unique<RestFixture>([](Config& config) {
        config.resources = {QStringLiteral("redirect"), QStringLiteral("page"), QStringLiteral("agent")};
    });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    m_manager = std::make_unique<ManagerClient>(m_fx->http, m_fx->server);
}

void ManagerAuthTest::cleanup()
{
    m_manager.reset();
    m_fx.reset();
}

void ManagerAuthTest::enable()
{
    QVERIFY(m_fx->enableAuth());
    QJsonObject body = RestClient::userBody(Alice, TestPasswords::second(), QStringLiteral("operator"));
    body.insert(QStringLiteral("firstname"), QStringLiteral("Alice"));
    body.insert(QStringLiteral("lastname"), QStringLiteral("Liddell"));
    const HttpResponse created = m_fx->rest.createUser(body, RestFixture::adminBasic());
    EXPECT_STATUS(created, 201);
    const QJsonObject user = created.object().value(QStringLiteral("user")).toObject();
    m_aliceId = RestClient::idText(user.value(QStringLiteral("id")));
}

void ManagerAuthTest::failAliceLogins(int count)
{
    for (int i = 0; i < count; ++i) {
        const HttpResponse response = m_manager->login(Alice, TestPasswords::wrong());
        EXPECT_STATUS(response, 401);
        EXPECT_BODY(response, invalidCredentials());
    }
}

void ManagerAuthTest::loginShape()
{
    enable();
    const HttpResponse response = m_manager->login(Alice, TestPasswords::second());
    EXPECT_STATUS(response, 200);
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(response.hasHeader("Strict-Transport-Security"));
    const QJsonObject body = response.object();
    QCOMPARE(sortedKeys(body), (QStringList{QStringLiteral("tokens"), QStringLiteral("user")}));
    const QJsonObject user = body.value(QStringLiteral("user")).toObject();
    QCOMPARE(sortedKeys(user),
             (QStringList{QStringLiteral("firstname"), QStringLiteral("id"), QStringLiteral("lastname"),
                          QStringLiteral("username")}));
    QVERIFY2(user.value(QStringLiteral("id")).isDouble(), "user.id must be a number");
    QCOMPARE(RestClient::idText(user.value(QStringLiteral("id"))), m_aliceId);
    QCOMPARE(user.value(QStringLiteral("username")).toString(), Alice);
    QCOMPARE(user.value(QStringLiteral("firstname")).toString(), QStringLiteral("Alice"));
    QCOMPARE(user.value(QStringLiteral("lastname")).toString(), QStringLiteral("Liddell"));
    const QJsonObject tokens = body.value(QStringLiteral("tokens")).toObject();
    QCOMPARE(sortedKeys(tokens),
             (QStringList{QStringLiteral("accessToken"), QStringLiteral("expiresAt"), QStringLiteral("refreshToken")}));
    QVERIFY2(tokens.value(QStringLiteral("expiresAt")).isDouble(), "expiresAt must be a number (Unix seconds)");
    QVERIFY(tokens.value(QStringLiteral("accessToken")).isString());
    QVERIFY(tokens.value(QStringLiteral("refreshToken")).isString());
}

void ManagerAuthTest::loginClaims()
{
    enable();
    const ManagerClient::Tokens tokens = aliceTokens();
    QVERIFY(tokens.isValid());
    QCOMPARE(tokens.expiresAt, startSecs() + 15 * 60); // MANAGER_ACCESS_DURATION default
    const QJsonObject access = JwtForge::payload(tokens.access);
    const QJsonObject refresh = JwtForge::payload(tokens.refresh);
    QVERIFY(JwtForge::verifyHs256(tokens.access, TestConstants::secretKey()));
    QVERIFY(JwtForge::verifyHs256(tokens.refresh, TestConstants::secretKey()));
    QCOMPARE(access.value(QStringLiteral("exp")).toInteger(), tokens.expiresAt);
    QCOMPARE(access.value(QStringLiteral("iat")).toInteger(), startSecs());
    QCOMPARE(access.value(QStringLiteral("type")).toString(), QStringLiteral("access"));
    QCOMPARE(access.value(QStringLiteral("iss")).toString(), QStringLiteral("gatehouse"));
    QCOMPARE(refresh.value(QStringLiteral("type")).toString(), QStringLiteral("refresh"));
    QCOMPARE(refresh.value(QStringLiteral("exp")).toInteger(), startSecs() + 7 * kDay);
    QCOMPARE(refresh.value(QStringLiteral("sid")), access.value(QStringLiteral("sid")));
    QCOMPARE(RestClient::idText(access.value(QStringLiteral("sub"))), m_aliceId);
}

void ManagerAuthTest::accessLifetimeConfigurable()
{
    cleanup();
    m_fx = std::make_unique<RestFixture>([](Config& config) { config.lifetimes.managerAccessSecs = 90; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    m_manager = std::make_unique<ManagerClient>(m_fx->http, m_fx->server);
    enable();
    m_fx->server.clock().advanceSecs(10);
    const ManagerClient::Tokens tokens = aliceTokens();
    QCOMPARE(tokens.expiresAt, startSecs() + 10 + 90);
    QCOMPARE(JwtForge::payload(tokens.access).value(QStringLiteral("exp")).toInteger(), tokens.expiresAt);
}

void ManagerAuthTest::accessTokenAcrossDialects()
{
    enable();
    const ManagerClient::Tokens tokens = aliceTokens();
    const HttpResponse me = m_fx->rest.me(RestClient::bearer(tokens.access));
    EXPECT_REST_SUCCESS(me);
    QCOMPARE(me.object().value(QStringLiteral("auth")).toString(), QStringLiteral("bearer"));
    QCOMPARE(me.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(), Alice);
    EXPECT_STATUS(m_fx->flex.session(tokens.access), 200);
    const HttpResponse sessions = m_fx->rest.listSessions(RestClient::bearer(tokens.access));
    EXPECT_REST_SUCCESS(sessions);
    bool found = false;
    for (const QJsonValue& item : sessions.object().value(QStringLiteral("sessions")).toArray()) {
        const QJsonObject session = item.toObject();
        if (session.value(QStringLiteral("current")).toBool()) {
            found = true;
            QCOMPARE(session.value(QStringLiteral("dialect")).toString(), QStringLiteral("manager"));
        }
    }
    QVERIFY2(found, "no current session listed");
}

void ManagerAuthTest::accessExpiresWithoutLeeway()
{
    enable();
    const ManagerClient::Tokens tokens = aliceTokens();
    m_fx->server.clock().advanceSecs(15 * 60 - 1);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(tokens.access)), 200);
    m_fx->server.clock().advanceSecs(1); // now == exp
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(tokens.access)), 401);
}

void ManagerAuthTest::wrongLogin_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("disableAlice");
    QTest::newRow("wrong password") << Alice << TestPasswords::wrong() << false;
    QTest::newRow("unknown user") << QStringLiteral("mallory") << TestPasswords::second() << false;
    QTest::newRow("empty username") << QString() << TestPasswords::second() << false;
    QTest::newRow("disabled account, right password") << Alice << TestPasswords::second() << true;
}

// Every kind of wrong login gets the same 401 and counts: MAX of them lock the IP.
void ManagerAuthTest::wrongLogin()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, disableAlice);
    enable();
    if (disableAlice)
        EXPECT_STATUS(m_fx->rest.updateUser(m_aliceId, {{QStringLiteral("disabled"), true}}, RestFixture::adminBasic()),
                      200);
    for (int i = 0; i < 5; ++i) {
        const HttpResponse response = m_manager->login(username, password);
        EXPECT_STATUS(response, 401);
        EXPECT_BODY(response, invalidCredentials());
    }
    EXPECT_MANAGER_ERROR(m_manager->login(QStringLiteral("admin"), TestPasswords::first()), 429, "rate_limited");
}

void ManagerAuthTest::lockoutAnswersManager429()
{
    enable();
    failAliceLogins(5); // the 5th (MAX-th) still gets the normal 401
    m_fx->server.clock().advanceSecs(100);
    const HttpResponse response = m_manager->login(Alice, TestPasswords::second()); // correct, yet refused
    EXPECT_MANAGER_ERROR(response, 429, "rate_limited");
    QCOMPARE(response.object().value(QStringLiteral("retry_after_seconds")).toInteger(), qint64(800));
    QCOMPARE(response.header("Retry-After").trimmed(), QByteArray("800"));
    m_fx->server.clock().advanceSecs(800);
    QVERIFY(aliceTokens().isValid());
}

void ManagerAuthTest::lockoutSharedWithOtherDialects()
{
    enable();
    failAliceLogins(2);
    for (int i = 0; i < 3; ++i)
        EXPECT_STATUS(m_fx->rest.login(Alice, TestPasswords::wrong()), 401);
    EXPECT_MANAGER_ERROR(m_manager->login(Alice, TestPasswords::second()), 429, "rate_limited");
    EXPECT_STATUS(m_fx->rest.login(Alice, TestPasswords::second()), 429);
}

void ManagerAuthTest::malformedLogin_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no username") << QByteArray(R"({"password":"quiet-Meadow-5521-vessel"})");
    QTest::newRow("no password") << QByteArray(R"({"username":"alice"})");
    QTest::newRow("number password") << QByteArray(R"({"username":"alice","password":12345})");
    QTest::newRow("null username") << QByteArray(R"({"username":null,"password":"x"})");
    QTest::newRow("email field instead") << QByteArray(R"({"email":"alice","password":"x"})");
    QTest::newRow("array") << QByteArray(R"(["alice","x"])");
    QTest::newRow("not json") << QByteArray("username=alice&password=x");
    QTest::newRow("empty") << QByteArray();
}

void ManagerAuthTest::malformedLogin()
{
    QFETCH(QByteArray, body);
    enable();
    for (int i = 0; i < 6; ++i) // more than MAX: none of them may count
        EXPECT_MANAGER_ERROR(
            m_manager->send("POST", QStringLiteral("/auth/login"), body, {{"Content-Type", "application/json"}}), 400,
            "bad_request");
    QVERIFY(aliceTokens().isValid());
}

void ManagerAuthTest::loginWhileAuthDisabled()
{
    const HttpResponse response = m_manager->login(QStringLiteral("admin"), TestPasswords::first());
    EXPECT_STATUS(response, 401);
    EXPECT_BODY(response, invalidCredentials());
}

void ManagerAuthTest::refreshRotates()
{
    enable();
    const ManagerClient::Tokens first = aliceTokens();
    m_fx->server.clock().advanceSecs(60);
    const HttpResponse response = m_manager->refresh(first.refresh);
    EXPECT_STATUS(response, 200);
    const QJsonObject body = response.object();
    QCOMPARE(sortedKeys(body), (QStringList{QStringLiteral("tokens"), QStringLiteral("user")}));
    QCOMPARE(body.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(), Alice);
    QCOMPARE(RestClient::idText(body.value(QStringLiteral("user")).toObject().value(QStringLiteral("id"))), m_aliceId);
    const ManagerClient::Tokens second = ManagerClient::Tokens::from(response);
    QVERIFY(second.isValid());
    QVERIFY(second.access != first.access && second.refresh != first.refresh);
    QCOMPARE(second.expiresAt, startSecs() + 60 + 15 * 60);
    QCOMPARE(JwtForge::payload(second.access).value(QStringLiteral("exp")).toInteger(), second.expiresAt);
    QCOMPARE(JwtForge::payload(second.access).value(QStringLiteral("sid")),
             JwtForge::payload(first.access).value(QStringLiteral("sid")));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(second.access)), 200);
    const ManagerClient::Tokens third = ManagerClient::Tokens::from(m_manager->refresh(second.refresh));
    QVERIFY(third.isValid());
}

void ManagerAuthTest::refreshReuseEndsSession()
{
    enable();
    const ManagerClient::Tokens first = aliceTokens();
    const ManagerClient::Tokens second = ManagerClient::Tokens::from(m_manager->refresh(first.refresh));
    QVERIFY(second.isValid());
    EXPECT_MANAGER_ERROR(m_manager->refresh(first.refresh), 401, "unauthorized"); // re-use of a spent token
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(second.access)), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(first.access)), 401);
    EXPECT_MANAGER_ERROR(m_manager->refresh(second.refresh), 401, "unauthorized");
}

void ManagerAuthTest::refreshMovesSessionEnd()
{
    enable();
    const ManagerClient::Tokens first = aliceTokens();
    m_fx->server.clock().advanceSecs(6 * kDay);
    const ManagerClient::Tokens second = ManagerClient::Tokens::from(m_manager->refresh(first.refresh));
    QVERIFY(second.isValid());
    QCOMPARE(JwtForge::payload(second.refresh).value(QStringLiteral("exp")).toInteger(), startSecs() + 13 * kDay);
    m_fx->server.clock().advanceSecs(6 * kDay); // past the first refresh token's end, not the session's
    QVERIFY(ManagerClient::Tokens::from(m_manager->refresh(second.refresh)).isValid());
}

void ManagerAuthTest::refreshRefusals_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"garbage", "access token", "bad signature", "expired", "after logout", "api token"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void ManagerAuthTest::refreshRefusals()
{
    QFETCH(QString, kind);
    enable();
    const ManagerClient::Tokens tokens = aliceTokens();
    QByteArray presented = tokens.refresh;
    if (kind == u"garbage")
        presented = "not-a-token";
    else if (kind == u"access token")
        presented = tokens.access;
    else if (kind == u"bad signature")
        presented = JwtForge::withFlippedSignatureBit(tokens.refresh);
    else if (kind == u"expired")
        m_fx->server.clock().advanceSecs(7 * kDay);
    else if (kind == u"after logout")
        EXPECT_STATUS(m_manager->logout(RestClient::bearer(tokens.access)), 200);
    else if (kind == u"api token")
        presented =
            TokenApi::create(m_fx->rest, RestFixture::adminBasic(), QStringLiteral("t"), {QStringLiteral("page:read")})
                .secret;
    EXPECT_MANAGER_ERROR(m_manager->refresh(presented), 401, "unauthorized");
}

void ManagerAuthTest::refreshNeedsField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("rest field name") << QByteArray(R"({"refresh_token":"x.y.z"})");
    QTest::newRow("not json") << QByteArray("refreshToken");
}

void ManagerAuthTest::refreshNeedsField()
{
    QFETCH(QByteArray, body);
    enable();
    EXPECT_MANAGER_ERROR(
        m_manager->send("POST", QStringLiteral("/auth/refresh"), body, {{"Content-Type", "application/json"}}), 400,
        "bad_request");
}

void ManagerAuthTest::logoutEndsSession()
{
    enable();
    const ManagerClient::Tokens tokens = aliceTokens();
    const ManagerClient::Tokens other = aliceTokens();
    const HttpResponse response = m_manager->logout(RestClient::bearer(tokens.access), "this body is ignored");
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{});
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(tokens.access)), 401);
    EXPECT_MANAGER_ERROR(m_manager->refresh(tokens.refresh), 401, "unauthorized");
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(other.access)), 200); // another session lives on
    m_fx->restart();
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(tokens.access)), 401);
}

void ManagerAuthTest::logoutWithoutSession_data()
{
    QTest::addColumn<bool>("apiToken");
    QTest::newRow("basic") << false;
    QTest::newRow("api token") << true;
}

void ManagerAuthTest::logoutWithoutSession()
{
    QFETCH(bool, apiToken);
    enable();
    const ManagerClient::Tokens session = aliceTokens();
    const TokenApi::Created token =
        TokenApi::create(m_fx->rest, RestFixture::adminBasic(), QStringLiteral("t"), {QStringLiteral("page:read")});
    QVERIFY2(token.ok(), qPrintable(token.response.describe()));
    const RequestHeaders auth =
        apiToken ? RestClient::bearer(token.secret) : RestClient::basic(Alice, TestPasswords::second());
    const HttpResponse response = m_manager->logout(auth);
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{});
    EXPECT_STATUS(m_fx->rest.me(auth), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(session.access)), 200);
}

void ManagerAuthTest::logoutAnonymousWhileDisabled()
{
    const HttpResponse response = m_manager->logout({});
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{});
}

void ManagerAuthTest::logoutOtherDialectsBearer()
{
    enable();
    const TokenPair rest = m_fx->rest.loginPair(Alice, TestPasswords::second());
    const QByteArray flex = m_fx->flex.loginToken(TestPasswords::first());
    for (const QByteArray& token : {rest.access, flex}) {
        EXPECT_STATUS(m_manager->logout(RestClient::bearer(token)), 200);
        EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(token)), 401);
    }
    EXPECT_STATUS(m_fx->rest.refresh(rest.refresh), 401);
}

void ManagerAuthTest::logoutNeedsCredential()
{
    enable();
    EXPECT_MANAGER_ERROR(m_manager->logout({}), 401, "unauthorized");
    EXPECT_MANAGER_ERROR(m_manager->logout(RestClient::bearer("garbage")), 401, "unauthorized");
}

QTEST_GUILESS_MAIN(ManagerAuthTest)
#include "manager_auth.moc"
