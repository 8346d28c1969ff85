// The manager dialect's public corners and error envelopes (docs/API.md, "manager dialect"
// and its decisions): /auth/openid while OpenID Connect is not configured, unknown paths
// under /auth/, a known path with another method, an oversized body, the token bucket's 429
// and setup_required, each in {"error": code, "message": text} with the common headers.
#include "tests/testsupport/managerclient.h"
#include "tests/testsupport/rawclient.h"
#include "tests/testsupport/restfixture.h"

#include <QTest>

#include <memory>

class ManagerErrorsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void openidDisabled();
    void openidCallbackNotEnabled();
    void unknownAuthPath_data();
    void unknownAuthPath();
    void wrongMethod_data();
    void wrongMethod();
    void oversizedBody();
    void errorHeaders();
    void throttled();
    void setupRequired();

private:
    void start(const TestServer::ConfigHook& hook = {});
    void enable() { QVERIFY(m_fx->enableAuth()); }

    std::unique_ptr<RestFixture> m_fx;
    std::unique_ptr<ManagerClient> m_manager;
};

void ManagerErrorsTest::init()
{
    start();
}

void ManagerErrorsTest::cleanup()
{
    m_manager.reset();
    m_fx.reset();
}

void ManagerErrorsTest::start(const TestServer::ConfigHook& hook)
{
    cleanup();
    m_fx = std::make_unique<RestFixture>(hook);
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    m_manager = std::make_unique<ManagerClient>(m_fx->http, m_fx->server);
}

void ManagerErrorsTest::openidDisabled()
{
    enable();
    const HttpResponse response = m_manager->openid(); // public: no credential
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("enabled"), false}});
}

void ManagerErrorsTest::openidCallbackNotEnabled()
{
    enable();
    const HttpResponse response = m_manager->openidCallback(QStringLiteral("code=abc&state=def"));
    EXPECT_STATUS(response, 400);
    EXPECT_BODY(response,
                QJsonObject{{QStringLiteral("error"), QStringLiteral("bad_request")},
                            {QStringLiteral("message"), QStringLiteral("OpenID Connect is not enabled")}});
}

void ManagerErrorsTest::unknownAuthPath_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET /auth/nothing") << QByteArray("GET") << QStringLiteral("/auth/nothing");
    QTest::newRow("POST /auth/login/extra") << QByteArray("POST") << QStringLiteral("/auth/login/extra");
    QTest::newRow("GET /auth/user_not_exist") << QByteArray("GET") << QStringLiteral("/auth/user_not_exist");
    QTest::newRow("DELETE /auth/x/y") << QByteArray("DELETE") << QStringLiteral("/auth/x/y");
}

void ManagerErrorsTest::unknownAuthPath()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    enable();
    const HttpResponse response = m_manager->send(method, path); // public: no credential needed
    EXPECT_STATUS(response, 404);
    EXPECT_BODY(response,
                QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")},
                            {QStringLiteral("message"), QStringLiteral("Not found")}});
}

void ManagerErrorsTest::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET /auth/login") << QByteArray("GET") << QStringLiteral("/auth/login");
    QTest::newRow("GET /auth/refresh") << QByteArray("GET") << QStringLiteral("/auth/refresh");
    QTest::newRow("GET /auth/logout") << QByteArray("GET") << QStringLiteral("/auth/logout");
    QTest::newRow("POST /auth/openid") << QByteArray("POST") << QStringLiteral("/auth/openid");
}

void ManagerErrorsTest::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    enable();
    EXPECT_MANAGER_ERROR(m_manager->send(method, path), 405, "method_not_allowed");
}

void ManagerErrorsTest::oversizedBody()
{
    enable();
    // A declared length over 64 KiB is answered before any body is sent, so the answer cannot be
    // lost to a reset while the client is still uploading (as it can with QNetworkAccessManager).
    RawClient raw(m_fx->server.host(), m_fx->server.port(), true, m_fx->server.certificatePath());
    QVERIFY2(raw.connectToServer(), qPrintable(raw.errorString()));
    QVERIFY(raw.send("POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: 70000\r\n\r\n"));
    const std::optional<RawResponse> response = raw.readResponse();
    QVERIFY2(response.has_value(), qPrintable(raw.errorString()));
    QCOMPARE(response->status, 413);
    const QJsonObject body = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(body.keys(), (QStringList{QStringLiteral("error"), QStringLiteral("message")}));
    QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("payload_too_large"));
}

void ManagerErrorsTest::errorHeaders()
{
    enable();
    const HttpResponse response = m_manager->login(QStringLiteral("admin"), TestPasswords::wrong());
    EXPECT_MANAGER_ERROR(response, 401, "invalid_credentials");
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(response.hasHeader("Strict-Transport-Security"));
}

// The token bucket's 429 under /auth/ is the manager's 429 body, with Retry-After: 1.
void ManagerErrorsTest::throttled()
{
    start([](Config& config) {
        config.globalRateLimitRps = 1;
        config.globalRateLimitBurst = 3;
    });
    m_fx->server.clock().advanceSecs(60); // a full bucket
    for (int i = 0; i < 3; ++i)
        EXPECT_STATUS(m_manager->openid(), 200);
    const HttpResponse response = m_manager->openid();
    EXPECT_MANAGER_ERROR(response, 429, "rate_limited");
    QCOMPARE(response.object().value(QStringLiteral("retry_after_seconds")).toInteger(), qint64(1));
    QCOMPARE(response.header("Retry-After").trimmed(), QByteArray("1"));
}

void ManagerErrorsTest::setupRequired()
{
    start([](Config& config) { config.requireAuth = true; });
    EXPECT_MANAGER_ERROR(m_manager->logout({}), 503, "setup_required");
    EXPECT_STATUS(m_manager->openid(), 200); // public
}

QTEST_GUILESS_MAIN(ManagerErrorsTest)
#include "manager_errors.moc"
