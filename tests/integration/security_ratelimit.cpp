// The login lockout (MAX_LOGIN_ATTEMPTS failures in RATE_LIMIT_WINDOW_SECONDS lock the
// IP until the oldest failure leaves the window) and the global token bucket, driven by
// the MockClock: Retry-After values, the correct password refused while locked, bearer
// tokens working throughout, X-Forwarded-For only from trusted proxies.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/testhelpers.h"

#include <QTest>

#include <memory>

namespace {

const QString LoginLockedMessage = QStringLiteral("Too many login attempts. Please try again later.");
// The token bucket uses the same flex 429 shape with its own message (docs/API.md, decisions).
const QString ThrottledMessage = QStringLiteral("Too many requests. Please try again later.");

QJsonObject rateLimited(int seconds, const QString& message = LoginLockedMessage)
{
    return QJsonObject{{QStringLiteral("message"), message},
                       {QStringLiteral("code"), QStringLiteral("RATE_LIMITED")},
                       {QStringLiteral("retry_after_seconds"), seconds}};
}

RequestHeaders forwardedFor(const QByteArray& address)
{
    return {{"X-Forwarded-For", address}};
}

} // namespace

// A 429 in the flex envelope with a matching Retry-After header.
#define EXPECT_RATE_LIMITED(response, seconds, message)                                                                \
    do {                                                                                                               \
        EXPECT_STATUS(response, 429);                                                                                  \
        QCOMPARE((response).header("Retry-After").trimmed(), QByteArray::number(seconds));                             \
        EXPECT_BODY(response, rateLimited(seconds, message));                                                          \
    } while (false)
#define EXPECT_LOCKED(response, seconds) EXPECT_RATE_LIMITED(response, seconds, LoginLockedMessage)

class SecurityRateLimitTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void lockoutAfterMaxFailures();
    void lockedResponseHeaders();
    void retryAfterCountsDown();
    void spreadFailuresUnlockWhenOldestLeaves();
    void windowExpiryLetsCorrectPasswordIn();
    void bearerWorksDuringLockout();
    void publicEndpointsDuringLockout();
    void maxAttemptsConfigurable();
    void maxAttemptsZeroNeverLocks();
    void windowConfigurable();
    void forwardedForIgnoredFromUntrustedPeer();
    void forwardedForHonouredFromTrustedProxy();
    void basicFailuresCount();
    void tokenBucket();
    void tokenBucketOff();

private:
    // `count` wrong passwords, each of which must get the normal 400.
    void failLogins(int count, const RequestHeaders& headers = {});
    bool startFixture(const TestServer::ConfigHook& extra = {});

    std::unique_ptr<FlexFixture> m_fx;
};

bool SecurityRateLimitTest::startFixture(const TestServer::ConfigHook& extra)
{
    m_fx = std::make_unique<FlexFixture>([extra](Config& config) {
        config.globalRateLimitRps = 0;
        if (extra)
            extra(config);
    });
    return m_fx->start() && m_fx->enableAuth(TestPasswords::first());
}

void SecurityRateLimitTest::init()
{
    QVERIFY(startFixture());
}

void SecurityRateLimitTest::cleanup()
{
    m_fx.reset();
}

void SecurityRateLimitTest::failLogins(int count, const RequestHeaders& headers)
{
    for (int i = 0; i < count; ++i) {
        const HttpResponse response = m_fx->flex.login(TestPasswords::wrong(), headers);
        EXPECT_STATUS(response, 400);
        EXPECT_BODY(response, QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid password")}});
    }
}

void SecurityRateLimitTest::lockoutAfterMaxFailures()
{
    failLogins(5);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 900); // correct, yet refused
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::wrong()), 900);
}

void SecurityRateLimitTest::lockedResponseHeaders()
{
    failLogins(5);
    const HttpResponse response = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 429);
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
    QVERIFY(response.header("Cache-Control").contains("no-store"));
    QCOMPARE(response.header("X-Content-Type-Options").trimmed().toLower(), QByteArray("nosniff"));
    QVERIFY(response.hasHeader("Strict-Transport-Security"));
}

void SecurityRateLimitTest::retryAfterCountsDown()
{
    failLogins(5);
    m_fx->server.clock().advanceSecs(100);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 800);
    m_fx->server.clock().advanceSecs(650);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 150);
}

void SecurityRateLimitTest::spreadFailuresUnlockWhenOldestLeaves()
{
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            m_fx->server.clock().advanceSecs(100);
        failLogins(1);
    }
    // now = t0 + 400; the oldest failure (t0) leaves the window at t0 + 900.
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 500);
    m_fx->server.clock().advanceSecs(499);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 1);
    m_fx->server.clock().advanceSecs(1);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void SecurityRateLimitTest::windowExpiryLetsCorrectPasswordIn()
{
    failLogins(5);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 900);
    m_fx->server.clock().advanceSecs(900);
    const HttpResponse response = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(response, 200);
    QVERIFY(response.object().value(QStringLiteral("token")).isString());
}

void SecurityRateLimitTest::bearerWorksDuringLockout()
{
    const QByteArray token = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!token.isEmpty());
    failLogins(5);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 900);
    EXPECT_STATUS(m_fx->flex.session(token), 200);
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), token), 404);
    EXPECT_STATUS(m_fx->flex.setPassword(TestPasswords::second(), token), 200);
    EXPECT_STATUS(m_fx->flex.session(token), 200);
    EXPECT_STATUS(m_fx->flex.logout(token), 200);
}

void SecurityRateLimitTest::publicEndpointsDuringLockout()
{
    failLogins(5);
    for (const QString& path : {QStringLiteral("/flex/health"), QStringLiteral("/flex/healthz"),
                                QStringLiteral("/flex/version"), QStringLiteral("/flex/auth/status")})
        EXPECT_STATUS(m_fx->http.get(m_fx->server.url(path)), 200);
    EXPECT_STATUS(m_fx->flex.session(), 401);
}

void SecurityRateLimitTest::maxAttemptsConfigurable()
{
    QVERIFY(startFixture([](Config& config) { config.maxLoginAttempts = 3; }));
    failLogins(3);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 900);
}

void SecurityRateLimitTest::maxAttemptsZeroNeverLocks()
{
    QVERIFY(startFixture([](Config& config) { config.maxLoginAttempts = 0; }));
    failLogins(12);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void SecurityRateLimitTest::windowConfigurable()
{
    QVERIFY(startFixture([](Config& config) { config.rateLimitWindowSecs = 60; }));
    failLogins(5);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 60);
    m_fx->server.clock().advanceSecs(60);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void SecurityRateLimitTest::forwardedForIgnoredFromUntrustedPeer()
{
    // Without trusted proxies a client must not escape its lockout by naming another IP.
    failLogins(5);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first(), forwardedFor("10.9.8.7")), 900);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first(), forwardedFor("10.9.8.7, 127.0.0.1")), 900);
}

void SecurityRateLimitTest::forwardedForHonouredFromTrustedProxy()
{
    QVERIFY(startFixture([](Config& config) {
        config.trustedProxies = {{QHostAddress(QStringLiteral("127.0.0.1")), 32}};
    }));
    failLogins(5, forwardedFor("10.0.0.1"));
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first(), forwardedFor("10.0.0.1")), 900);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first(), forwardedFor("10.0.0.2")), 200);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void SecurityRateLimitTest::basicFailuresCount()
{
    // A wrong Basic credential is a password guess like a wrong login.
    const QUrl pipeline = m_fx->server.url(QStringLiteral("/flex/pipeline"));
    for (int i = 0; i < 5; ++i)
        EXPECT_STATUS(m_fx->http.get(pipeline, HttpClient::basic(QStringLiteral("admin"), TestPasswords::wrong())),
                      401);
    EXPECT_LOCKED(m_fx->flex.login(TestPasswords::first()), 900);
    const HttpResponse basic =
        m_fx->http.get(pipeline, HttpClient::basic(QStringLiteral("admin"), TestPasswords::first()));
    EXPECT_STATUS(basic, 429);
    QCOMPARE(basic.header("Retry-After").trimmed(), QByteArray("900"));
}

void SecurityRateLimitTest::tokenBucket()
{
    FlexFixture fx; // the defaults: 20 requests/s sustained, bursts of 60
    QVERIFY2(fx.start(), qPrintable(fx.startError()));
    const QUrl health = fx.server.url(QStringLiteral("/flex/health"));
    for (int i = 0; i < 60; ++i) {
        const HttpResponse ok = fx.http.get(health);
        QVERIFY2(ok.status == 200, qPrintable(QStringLiteral("request %1: %2").arg(i + 1).arg(ok.describe())));
    }
    HttpResponse response = fx.http.get(health);
    EXPECT_RATE_LIMITED(response, 1, ThrottledMessage);

    fx.server.clock().advanceSecs(1);
    for (int i = 0; i < 20; ++i)
        EXPECT_STATUS(fx.http.get(health), 200);
    response = fx.http.get(health);
    EXPECT_RATE_LIMITED(response, 1, ThrottledMessage);
}

void SecurityRateLimitTest::tokenBucketOff()
{
    const QUrl health = m_fx->server.url(QStringLiteral("/flex/health"));
    for (int i = 0; i < 150; ++i)
        EXPECT_STATUS(m_fx->http.get(health), 200);
}

QTEST_GUILESS_MAIN(SecurityRateLimitTest)
#include "security_ratelimit.moc"
