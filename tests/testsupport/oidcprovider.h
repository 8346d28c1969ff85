#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

// One user the provider knows. `sub` is also accepted as the login name, as are
// preferredUsername and email.
struct OidcAccount
{
    QString sub;
    QString password;
    QString email;
    std::optional<bool> emailVerified; // absent: the provider sends no email_verified claim
    QString preferredUsername;
    QString name;
};

// A real OpenID provider for the relying-party tests: npm's oidc-provider (panva; version
// pinned by tests/oidc/package-lock.json, installed by `make oidc-deps`), run by
// tests/oidc/provider.mjs under Debian's node as a child process on a free port of
// 127.0.0.1. It signs with real keys, enforces PKCE S256, shows a login form (no consent
// page) and redirects to the client's redirect_uri like any provider; the tests reach that
// form through login()/abort() below instead of a browser.
class OidcProviderProcess
{
public:
    struct Options
    {
        QString clientId = QStringLiteral("gatehouse");
        QString clientSecret = QStringLiteral("gatehouse-test-client-secret-0123456789");
        QStringList redirectUris;
        QString authMethod = QStringLiteral("client_secret_basic"); // or client_secret_post
        // More clients registered like the first (same secret and redirect URIs), e.g. to get
        // a code issued to another client.
        QStringList otherClientIds;
        QList<OidcAccount> accounts;
        // ID tokens are signed with RS256, ES256 or EdDSA (Ed25519). A fresh key is made at
        // every start unless privateJwks (a JWKS with private keys) is given.
        QString signingAlgorithm = QStringLiteral("RS256");
        QJsonObject privateJwks;
        int idTokenTtlSeconds = 300;
        // Shifts the provider's clock: ID tokens carry iat = now + skew, exp = iat + ttl.
        // -2 * ttl gives a token expired for ttl seconds, +3600 one issued an hour ahead.
        int clockSkewSeconds = 0;
    };

    // What the provider answered in the end: the redirect to the relying party (not
    // requested; it holds ?code=&state=&iss= or ?error=&state=), or why there is none.
    struct BrowserlessLogin
    {
        QUrl callbackUrl;
        QString error;
        bool ok() const { return callbackUrl.isValid() && error.isEmpty(); }
    };

    OidcProviderProcess() = default;
    ~OidcProviderProcess(); // stops a provider still running
    OidcProviderProcess(const OidcProviderProcess&) = delete;
    OidcProviderProcess& operator=(const OidcProviderProcess&) = delete;

    static QString nodePath();   // node on PATH (Debian's nodejs: /usr/bin/node)
    static QString scriptPath(); // tests/oidc/provider.mjs
    // Why the provider cannot run here (no node, `make oidc-deps` not run); empty if it can.
    static QString unavailableReason();
    // A JWKS with one private signing key for `algorithm` (RS256, ES256, EdDSA), made by
    // node's crypto; its kid is random, so two calls never share one. Empty on failure.
    static QJsonObject generatePrivateJwks(const QString& algorithm, QString* error = nullptr);

    // Starts on a free port and waits for the ready line (timeoutMs); on failure
    // startError() says why, with the provider's stderr.
    bool start(const Options& options, int timeoutMs = 30'000);
    // Stops and starts again on the same port, so the issuer is unchanged: a new key in
    // `options` is a key rotation as relying parties meet it. Retries a few times if someone
    // took the port in between.
    bool restart(const Options& options, int timeoutMs = 30'000);
    // SIGTERM, then waits; true if it exited on its own (else it is killed).
    bool stop(int timeoutMs = 10'000);

    bool isRunning() const;
    QString issuer() const { return m_issuer; } // http://127.0.0.1:<port>, no trailing slash
    quint16 port() const { return m_port; }
    const Options& options() const { return m_options; }
    QJsonObject privateJwks() const { return m_jwks; } // the keys in use (generated or given)
    QString startError() const { return m_startError; }
    QByteArray stderrData() const;

    // The browser's part of the authorization code flow, with a cookie jar and redirects
    // followed by hand: opens authorizationUrl, submits the login form (or its Cancel) and
    // follows the provider's redirects until one leaves the provider's origin. A wrong
    // password ends on the form again: error set, no callbackUrl.
    static BrowserlessLogin login(const QUrl& authorizationUrl, const QString& username, const QString& password,
                                  int timeoutMs = 15'000);
    static BrowserlessLogin abort(const QUrl& authorizationUrl, int timeoutMs = 15'000);

private:
    enum class Attempt {
        Started,
        PortTaken,
        Failed
    };

    Attempt startOnce(quint16 port, int timeoutMs);
    bool writeConfiguration(quint16 port);
    QString path(const QString& name) const;

    QProcess m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    Options m_options;
    QJsonObject m_jwks;
    QString m_issuer;
    QString m_startError;
    quint16 m_port = 0;
};

// What the OpenID Connect tests share: the redirect URI they register (never requested: the
// browserless login stops at it) and the provider's test user.
namespace OidcTestData {
inline QString redirectUri()
{
    return QStringLiteral("http://127.0.0.1:9/auth/openid/callback");
}
inline OidcAccount alice()
{
    return {QStringLiteral("alice-sub-0001"),
            QStringLiteral("alice-provider-Passw0rd"),
            QStringLiteral("alice@example.org"),
            true,
            QStringLiteral("alice"),
            QStringLiteral("Alice Example")};
}
} // namespace OidcTestData
