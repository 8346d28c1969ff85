// POST /flex/auth/login, GET /flex/auth/session, POST /flex/auth/logout: the token and
// its claims, expiry times from the MockClock, logout everywhere and across restarts,
// sessions that persist, and what disabled auth means for each of them.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/jwtforge.h"
#include "tests/testsupport/testhelpers.h"

#include <QTest>

#include <memory>

namespace {

constexpr qint64 kDay = 24 * 3600;

qint64 startSecs()
{
    return TestConstants::startMs() / 1000;
}

QJsonObject sessionBody(const QJsonValue& created, const QJsonValue& expires)
{
    return QJsonObject{{QStringLiteral("user"), QStringLiteral("admin")},
                       {QStringLiteral("created_at"), created},
                       {QStringLiteral("expires_at"), expires}};
}

} // namespace

class FlexLoginTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loginReturnsTokenAndExpiry();
    void tokenClaims();
    void expiryFollowsClock();
    void tokenLifetimeIsConfigurable();
    void tokensAreUnique();
    void wrongPassword();
    void loginWhileDisabled();
    void malformedLoginsAreNotFailures();
    void sessionDescribesCaller();
    void sessionNeedsCredential();
    void sessionAnonymousWhileDisabled();
    void logoutEndsTokenEverywhere();
    void logoutLeavesOtherSessions();
    void logoutNeedsCredential();
    void logoutWhileDisabled();
    void logoutSurvivesRestart();
    void sessionsSurviveRestart();
    void disabledModeIgnoresCredentials();

private:
    void enable() { QVERIFY(m_fx->enableAuth(TestPasswords::first())); }
    QByteArray login() { return m_fx->flex.loginToken(TestPasswords::first()); }

    std::unique_ptr<FlexFixture> m_fx;
};

void FlexLoginTest::init()
{
    m_fx = std::make_unique<FlexFixture>([](Config& config) { config.globalRateLimitRps = 0; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
}

void FlexLoginTest::cleanup()
{
    m_fx.reset();
}

void FlexLoginTest::loginReturnsTokenAndExpiry()
{
    enable();
    const HttpResponse response = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 200);
    const QJsonObject body = response.object();
    QCOMPARE(body.keys(), QStringList({QStringLiteral("expires_at"), QStringLiteral("token")}));
    QCOMPARE(body.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2026-01-28T10:30:00Z"));
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
}

void FlexLoginTest::tokenClaims()
{
    enable();
    const HttpResponse response = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 200);
    const QByteArray token = response.object().value(QStringLiteral("token")).toString().toUtf8();
    QCOMPARE(token.count('.'), 2);
    QCOMPARE(JwtForge::header(token).value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    QVERIFY2(JwtForge::verifyHs256(token, TestConstants::secretKey()), "not signed with SECRET_KEY");

    const QJsonObject claims = JwtForge::payload(token);
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), QStringLiteral("gatehouse"));
    QCOMPARE(claims.value(QStringLiteral("type")).toString(), QStringLiteral("access"));
    for (const QString& name : {QStringLiteral("sub"), QStringLiteral("sid"), QStringLiteral("jti")}) {
        const QJsonValue value = claims.value(name);
        QVERIFY2(value.isString() ? !value.toString().isEmpty() : value.isDouble(), qPrintable(name));
    }
    QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), startSecs());
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), startSecs() + kDay);
    QCOMPARE(response.object().value(QStringLiteral("expires_at")).toString(),
             TestConstants::isoUtcFromSecs(claims.value(QStringLiteral("exp")).toInteger()));
}

void FlexLoginTest::expiryFollowsClock()
{
    enable();
    m_fx->server.clock().advanceSecs(3617);
    const HttpResponse response = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 200);
    const qint64 expected = startSecs() + 3617 + kDay;
    QCOMPARE(response.object().value(QStringLiteral("expires_at")).toString(), TestConstants::isoUtcFromSecs(expected));
    const QJsonObject claims = JwtForge::payload(response.object().value(QStringLiteral("token")).toString().toUtf8());
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), expected);
}

void FlexLoginTest::tokenLifetimeIsConfigurable()
{
    FlexFixture shortLived([](Config& config) {
        config.globalRateLimitRps = 0;
        config.lifetimes.flexTokenSecs = 600;
    });
    QVERIFY2(shortLived.start(), qPrintable(shortLived.startError()));
    QVERIFY(shortLived.enableAuth(TestPasswords::first()));
    const HttpResponse response = shortLived.flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 200);
    QCOMPARE(response.object().value(QStringLiteral("expires_at")).toString(),
             TestConstants::isoUtcFromSecs(startSecs() + 600));
}

void FlexLoginTest::tokensAreUnique()
{
    enable();
    const QByteArray first = login();
    const QByteArray second = login();
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(first != second);
    const QJsonObject a = JwtForge::payload(first);
    const QJsonObject b = JwtForge::payload(second);
    QVERIFY(a.value(QStringLiteral("sid")) != b.value(QStringLiteral("sid")));
    QVERIFY(a.value(QStringLiteral("jti")) != b.value(QStringLiteral("jti")));
}

void FlexLoginTest::wrongPassword()
{
    enable();
    const HttpResponse response = m_fx->flex.login(TestPasswords::wrong());
    EXPECT_STATUS(response, 400);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid password")}});
}

void FlexLoginTest::loginWhileDisabled()
{
    const HttpResponse response = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 400);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("error"), QStringLiteral("Authentication is not enabled")}});
}

void FlexLoginTest::malformedLoginsAreNotFailures()
{
    // Bad input is not a guess at the password: it must not move the IP towards a lockout.
    enable();
    const QUrl url = m_fx->server.url(QStringLiteral("/flex/auth/login"));
    for (const QByteArray& body :
         {QByteArray("{"), QByteArray("{}"), QByteArray("[1]"), QByteArray("{\"pw\":1}"),
          QByteArray("{\"password\":7}"), QByteArray("null"), QByteArray("x"), QByteArray("{\"password\":[]}")}) {
        const HttpResponse response = m_fx->http.send("POST", url, body, {{"Content-Type", "application/json"}});
        EXPECT_STATUS(response, 400);
        EXPECT_FLEX_ERROR(response, QString());
    }
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void FlexLoginTest::sessionDescribesCaller()
{
    enable();
    const QByteArray token = login();
    QVERIFY(!token.isEmpty());
    m_fx->server.clock().advanceSecs(90);
    const HttpResponse response = m_fx->flex.session(token);
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, sessionBody(QStringLiteral("2026-01-27T10:30:00Z"), QStringLiteral("2026-01-28T10:30:00Z")));
}

void FlexLoginTest::sessionNeedsCredential()
{
    enable();
    const HttpResponse response = m_fx->flex.session();
    EXPECT_STATUS(response, 401);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("error"), QStringLiteral("Unauthorized")}});
}

void FlexLoginTest::sessionAnonymousWhileDisabled()
{
    const HttpResponse response = m_fx->flex.session();
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, sessionBody(QJsonValue::Null, QJsonValue::Null));
}

void FlexLoginTest::logoutEndsTokenEverywhere()
{
    enable();
    const QByteArray token = login();
    QVERIFY(!token.isEmpty());
    const HttpResponse response = m_fx->flex.logout(token);
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject());

    const QList<HttpResponse> afterwards{
        m_fx->flex.session(token),        m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), token),
        m_fx->flex.logout(token),         m_fx->flex.setPassword(TestPasswords::second(), token),
        m_fx->flex.removePassword(token),
    };
    for (const HttpResponse& dead : afterwards) {
        EXPECT_STATUS(dead, 401);
        EXPECT_FLEX_ERROR(dead, QStringLiteral("Unauthorized"));
    }
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200); // the password is unchanged
}

void FlexLoginTest::logoutLeavesOtherSessions()
{
    enable();
    const QByteArray leaving = login();
    const QByteArray staying = login();
    EXPECT_STATUS(m_fx->flex.logout(leaving), 200);
    EXPECT_STATUS(m_fx->flex.session(staying), 200);
    EXPECT_STATUS(m_fx->flex.session(leaving), 401);
}

void FlexLoginTest::logoutNeedsCredential()
{
    enable();
    const HttpResponse response = m_fx->flex.logout();
    EXPECT_STATUS(response, 401);
    EXPECT_FLEX_ERROR(response, QStringLiteral("Unauthorized"));
}

void FlexLoginTest::logoutWhileDisabled()
{
    const HttpResponse response = m_fx->flex.logout();
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject());
}

void FlexLoginTest::logoutSurvivesRestart()
{
    enable();
    const QByteArray loggedOut = login();
    const QByteArray live = login();
    EXPECT_STATUS(m_fx->flex.logout(loggedOut), 200);
    QVERIFY2(m_fx->restart(), qPrintable(m_fx->startError()));
    EXPECT_STATUS(m_fx->flex.session(loggedOut), 401);
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), loggedOut), 401);
    EXPECT_STATUS(m_fx->flex.session(live), 200);
}

void FlexLoginTest::sessionsSurviveRestart()
{
    enable();
    const QByteArray token = login();
    QVERIFY(!token.isEmpty());
    const HttpResponse before = m_fx->flex.session(token);
    EXPECT_STATUS(before, 200);
    QVERIFY2(m_fx->restart(), qPrintable(m_fx->startError()));
    EXPECT_BODY(m_fx->flex.status(), QJsonObject{{QStringLiteral("auth_enabled"), true}});
    const HttpResponse after = m_fx->flex.session(token);
    EXPECT_STATUS(after, 200);
    QCOMPARE(after.object(), before.object());
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), token), 404);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void FlexLoginTest::disabledModeIgnoresCredentials()
{
    const QByteArray garbage = QByteArrayLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
    EXPECT_BODY(m_fx->flex.session(garbage), sessionBody(QJsonValue::Null, QJsonValue::Null));
    const HttpResponse unknown = m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), garbage);
    EXPECT_STATUS(unknown, 404);
    EXPECT_FLEX_ERROR(unknown, QStringLiteral("Not found"));
    EXPECT_STATUS(m_fx->flex.logout(garbage), 200);
}

QTEST_GUILESS_MAIN(FlexLoginTest)
#include "flex_login.moc"
