// OpenID Connect login (the manager dialect's /auth/openid) against a real provider: npm's
// oidc-provider run by OidcProviderProcess, driven without a browser. Gatehouse is a
// TestServer whose MockClock is set to the real time (the provider signs with the real one).
#include "tests/testsupport/flexclient.h"
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/managerclient.h"
#include "tests/testsupport/oidcprovider.h"
#include "tests/testsupport/restclient.h"

#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

const QString RedirectUri = OidcTestData::redirectUri();
const QString AdminPassword = TestPasswords::first();

using OidcTestData::alice;

QString queryItem(const QString& url, const QString& name)
{
    return QUrlQuery(QUrl(url)).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class OidcLoginTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void loginWorksOnEveryDialect();
    void secondLoginFindsTheSameAccount();
    void stateIsSingleUseAndExpires();
    void wrongNonceIsRefused();
    void expiredIdTokenIsRefused();
    void anotherClientsAuthorizationIsRefused();
    void providerErrorIsAccessDenied();
    void providerDownIs502();
    void keyRotationNeedsOneRefetch();
    void disabledAccountIsRefused();
    void emailLinking_data();
    void emailLinking();
    void failedCallbacksCountTowardTheLockout();

private:
    // Starts the provider (with `options`, alice added) and Gatehouse configured for it; a
    // failure fails the test (callers return when QTest::currentTestFailed()).
    void startBoth(OidcProviderProcess::Options options = {}, bool linkVerifiedEmail = false);
    // GET /auth/openid, then the provider's login: the callback's query (code, state, iss).
    QString providerLogin(const OidcAccount& account);
    HttpResponse callback(const QString& query) { return m_manager->openidCallback(query); }

    OidcProviderProcess m_provider;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ManagerClient> m_manager;
    std::unique_ptr<RestClient> m_rest;
};

void OidcLoginTest::initTestCase()
{
    const QString missing = OidcProviderProcess::unavailableReason();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

void OidcLoginTest::cleanup()
{
    m_rest.reset();
    m_manager.reset();
    m_http.reset();
    m_server.reset();
    m_provider.stop();
}

void OidcLoginTest::startBoth(OidcProviderProcess::Options options, bool linkVerifiedEmail)
{
    options.redirectUris = {RedirectUri};
    options.accounts.append(alice());
    QVERIFY2(m_provider.start(options), qPrintable(m_provider.startError()));
    const QString issuer = m_provider.issuer();
    m_server = std::make_unique<TestServer>([&](Config& config) {
        config.oidc.issuer = issuer;
        config.oidc.clientId = options.clientId;
        config.oidc.clientSecret = options.clientSecret.toUtf8();
        config.oidc.redirectUri = RedirectUri;
        config.oidc.linkVerifiedEmail = linkVerifiedEmail;
        config.maxLoginAttempts = 5;
    });
    m_server->clock().setNowMs(QDateTime::currentMSecsSinceEpoch());
    const ServerStartInfo info = m_server->start();
    QVERIFY2(info.ok, qPrintable(info.error));
    m_http = std::make_unique<HttpClient>(m_server->certificatePath());
    m_manager = std::make_unique<ManagerClient>(*m_http, *m_server);
    m_rest = std::make_unique<RestClient>(*m_http, [this](const QString& path) { return m_server->url(path); });
    FlexClient flex(*m_http, [this](const QString& path) { return m_server->url(path); });
    EXPECT_STATUS(flex.setPassword(AdminPassword), 200); // authentication on: credentials count
}

QString OidcLoginTest::providerLogin(const OidcAccount& account)
{
    const HttpResponse start = m_manager->openid();
    if (start.status != 200 || !start.object().value(QStringLiteral("enabled")).toBool())
        return QStringLiteral("no auth URL: ") + start.describe();
    const auto login = OidcProviderProcess::login(QUrl(start.object().value(QStringLiteral("authUrl")).toString()),
                                                  account.sub, account.password);
    return login.ok() ? login.callbackUrl.query(QUrl::FullyEncoded) : QStringLiteral("provider: ") + login.error;
}

void OidcLoginTest::loginWorksOnEveryDialect()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    const HttpResponse start = m_manager->openid();
    EXPECT_STATUS(start, 200);
    const QUrl authUrl(start.object().value(QStringLiteral("authUrl")).toString());
    QVERIFY(authUrl.toString().startsWith(m_provider.issuer()));
    const QUrlQuery asked(authUrl);
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(!asked.queryItemValue(QStringLiteral("nonce")).isEmpty());

    const auto login = OidcProviderProcess::login(authUrl, alice().sub, alice().password);
    QVERIFY2(login.ok(), qPrintable(login.error));
    const HttpResponse session = callback(login.callbackUrl.query(QUrl::FullyEncoded));
    EXPECT_STATUS(session, 200);
    const QJsonObject user = session.object().value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    const auto tokens = ManagerClient::Tokens::from(session);
    QVERIFY(tokens.isValid());

    // Ordinary Gatehouse tokens: every dialect takes the access token, refresh rotates them.
    EXPECT_STATUS(m_rest->me(RestClient::bearer(tokens.access)), 200);
    FlexClient flex(*m_http, [this](const QString& path) { return m_server->url(path); });
    EXPECT_STATUS(flex.session(tokens.access), 200);
    EXPECT_STATUS(m_manager->send("GET", QStringLiteral("/auth/verify"), {}, HttpClient::bearer(tokens.access)), 200);
    EXPECT_STATUS(m_manager->refresh(tokens.refresh), 200);
    // An account made by OpenID Connect has no password: Basic refuses it.
    EXPECT_STATUS(m_rest->me(RestClient::basic(QStringLiteral("alice"), QString())), 401);
}

void OidcLoginTest::secondLoginFindsTheSameAccount()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    const HttpResponse first = callback(providerLogin(alice()));
    EXPECT_STATUS(first, 200);
    const HttpResponse second = callback(providerLogin(alice()));
    EXPECT_STATUS(second, 200);
    const auto idOf = [](const HttpResponse& response) {
        return response.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger();
    };
    QCOMPARE(idOf(second), idOf(first));
}

void OidcLoginTest::stateIsSingleUseAndExpires()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    const QString query = providerLogin(alice());
    EXPECT_STATUS(callback(query), 200);
    EXPECT_MANAGER_ERROR(callback(query), 400, "invalid_state"); // replayed
    EXPECT_MANAGER_ERROR(callback(QStringLiteral("code=x&state=made-up")), 400, "invalid_state");

    const QString late = providerLogin(alice());
    m_server->clock().advanceSecs(10 * 60 + 1);
    EXPECT_MANAGER_ERROR(callback(late), 400, "invalid_state");
}

void OidcLoginTest::wrongNonceIsRefused()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    // Two logins begun; the provider is sent B's nonce under A's state and PKCE challenge, so
    // the code redeems with A's verifier and the ID token carries B's nonce.
    const QUrl a(m_manager->openid().object().value(QStringLiteral("authUrl")).toString());
    QUrl b(m_manager->openid().object().value(QStringLiteral("authUrl")).toString());
    QUrlQuery mixed(b);
    for (const QString& name : {QStringLiteral("state"), QStringLiteral("code_challenge")}) {
        mixed.removeQueryItem(name);
        mixed.addQueryItem(name, QUrlQuery(a).queryItemValue(name));
    }
    b.setQuery(mixed);
    const auto login = OidcProviderProcess::login(b, alice().sub, alice().password);
    QVERIFY2(login.ok(), qPrintable(login.error));
    EXPECT_MANAGER_ERROR(callback(login.callbackUrl.query(QUrl::FullyEncoded)), 401, "invalid_id_token");
}

void OidcLoginTest::expiredIdTokenIsRefused()
{
    OidcProviderProcess::Options options;
    options.idTokenTtlSeconds = 120;
    options.clockSkewSeconds = -2 * 120; // expired 120 s ago: beyond the 60 s leeway
    startBoth(options);
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    EXPECT_MANAGER_ERROR(callback(providerLogin(alice())), 401, "invalid_id_token");
}

// A code the provider issued to another client, brought to Gatehouse's callback with a valid
// state: redeeming it as Gatehouse's client fails (the provider binds codes to their client),
// so no session opens. (An ID token whose `aud` names another client is refused by the
// validator itself: unit_oidc_idtokenvalidator signs such tokens with PyJWT.)
void OidcLoginTest::anotherClientsAuthorizationIsRefused()
{
    OidcProviderProcess::Options options;
    options.otherClientIds = {QStringLiteral("another-client")};
    startBoth(options);
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    QUrl authUrl(m_manager->openid().object().value(QStringLiteral("authUrl")).toString());
    QUrlQuery query(authUrl);
    query.removeQueryItem(QStringLiteral("client_id"));
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("another-client"));
    authUrl.setQuery(query);
    const auto login = OidcProviderProcess::login(authUrl, alice().sub, alice().password);
    QVERIFY2(login.ok(), qPrintable(login.error));
    EXPECT_MANAGER_ERROR(callback(login.callbackUrl.query(QUrl::FullyEncoded)), 401, "invalid_id_token");
}

void OidcLoginTest::providerErrorIsAccessDenied()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    const QUrl authUrl(m_manager->openid().object().value(QStringLiteral("authUrl")).toString());
    const auto aborted = OidcProviderProcess::abort(authUrl);
    QVERIFY2(aborted.ok(), qPrintable(aborted.error));
    QCOMPARE(queryItem(aborted.callbackUrl.toString(), QStringLiteral("error")), QStringLiteral("access_denied"));
    EXPECT_MANAGER_ERROR(callback(aborted.callbackUrl.query(QUrl::FullyEncoded)), 401, "access_denied");
}

void OidcLoginTest::providerDownIs502()
{
    startBoth();
    if (QTest::currentTestFailed())
        return;                                   // startBoth() said why
    const QString query = providerLogin(alice()); // discovery and the state exist
    QVERIFY(m_provider.stop());
    EXPECT_MANAGER_ERROR(callback(query), 502, "provider_unavailable");
    // Password logins are not affected.
    EXPECT_STATUS(m_rest->login(QStringLiteral("admin"), AdminPassword), 200);
}

void OidcLoginTest::keyRotationNeedsOneRefetch()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    EXPECT_STATUS(callback(providerLogin(alice())), 200);
    OidcProviderProcess::Options rotated = m_provider.options();
    rotated.privateJwks = OidcProviderProcess::generatePrivateJwks(rotated.signingAlgorithm);
    QVERIFY(!rotated.privateJwks.isEmpty());
    QVERIFY2(m_provider.restart(rotated), qPrintable(m_provider.startError()));
    m_server->clock().advanceSecs(11); // past the refetch interval; well within the token's life
    EXPECT_STATUS(callback(providerLogin(alice())), 200);
}

void OidcLoginTest::disabledAccountIsRefused()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    const HttpResponse first = callback(providerLogin(alice()));
    EXPECT_STATUS(first, 200);
    const QString id = QString::number(
        first.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger());
    EXPECT_STATUS(m_rest->updateUser(id, {{QStringLiteral("disabled"), true}},
                                     RestClient::basic(QStringLiteral("admin"), AdminPassword)),
                  200);
    EXPECT_MANAGER_ERROR(callback(providerLogin(alice())), 401, "access_denied");
}

void OidcLoginTest::emailLinking_data()
{
    QTest::addColumn<bool>("linkVerifiedEmail");
    QTest::addColumn<int>("emailVerified"); // 1 true, 0 false, -1 the claim is absent
    QTest::addColumn<bool>("linked");
    QTest::newRow("on, verified") << true << 1 << true;
    QTest::newRow("on, not verified") << true << 0 << false;
    QTest::newRow("on, no email_verified claim") << true << -1 << false;
    QTest::newRow("off, verified") << false << 1 << false;
}

void OidcLoginTest::emailLinking()
{
    QFETCH(bool, linkVerifiedEmail);
    QFETCH(int, emailVerified);
    QFETCH(bool, linked);
    OidcAccount bob{QStringLiteral("bob-sub-0002"),
                    QStringLiteral("bob-provider-Passw0rd"),
                    QStringLiteral("bob@example.org"),
                    emailVerified < 0 ? std::nullopt : std::optional<bool>(emailVerified == 1),
                    QStringLiteral("bob"),
                    QStringLiteral("Bob")};
    OidcProviderProcess::Options options;
    options.accounts.append(bob);
    startBoth(options, linkVerifiedEmail);
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    // A local account whose username is that email address.
    const HttpResponse created = m_rest->createUser(
        RestClient::userBody(QStringLiteral("bob@example.org"), TestPasswords::second(), QStringLiteral("operator")),
        RestClient::basic(QStringLiteral("admin"), AdminPassword));
    QVERIFY2(created.status == 200 || created.status == 201, qPrintable(created.describe()));

    const HttpResponse session = callback(providerLogin(bob));
    EXPECT_STATUS(session, 200);
    const QString username =
        session.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString();
    QCOMPARE(username == u"bob@example.org", linked);
}

void OidcLoginTest::failedCallbacksCountTowardTheLockout()
{
    startBoth();
    if (QTest::currentTestFailed())
        return; // startBoth() said why
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_MANAGER_ERROR(callback(QStringLiteral("code=x&state=guess-%1").arg(attempt)), 400, "invalid_state");
    EXPECT_STATUS(callback(providerLogin(alice())), 429); // locked, even with a good state
}

QTEST_GUILESS_MAIN(OidcLoginTest)
#include "oidc_login.moc"
