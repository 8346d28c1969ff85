#pragma once

#include "core/autherror.h"
#include "core/tokenissuer.h"
#include "oidc/oidcaccounts.h"
#include "oidc/oidcprovider.h"
#include "oidc/pendinglogins.h"
#include "values/oidcsettings.h"

#include <QObject>
#include <QString>

#include <functional>
#include <variant>

class RateLimiter;

// The manager dialect's OpenID Connect login (authorization code flow with PKCE S256,
// `state` and `nonce`): begin() hands out the provider's authorization URL, complete()
// takes the provider's redirect back, redeems the code, checks the ID token and opens an
// ordinary Gatehouse session for the account it names. Every failed callback counts toward
// the client IP's lockout, like a wrong password; none opens a session.
class OidcLogin : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        OidcAccounts::Parts accounts;
        TokenIssuer& tokens;
        RateLimiter& limiter;
    };
    struct Callback
    {
        QString code;
        QString state;
        QString issuer; // RFC 9207 `iss`, when the provider sends it
        QString error;  // the provider's `error`, e.g. access_denied
    };
    using AuthUrl = std::variant<QString, AuthError>;

    OidcLogin(const OidcSettings& settings, Parts parts, QObject* parent = nullptr);
    // The configured one, or this server's /auth/openid/callback once it listens.
    void setRedirectUri(const QString& redirectUri) { m_redirectUri = redirectUri; }

    void begin(std::function<void(AuthUrl)> done);
    // `request` carries the lifetimes and the client; its username and password are unused.
    void complete(const Callback& callback, const LoginRequest& request, std::function<void(LoginResult)> done);

    OidcProvider& provider() { return m_provider; }
    // The settings in use (the client secret included, wherever it came from).
    const OidcSettings& settings() const { return m_settings; }
    const QString& redirectUri() const { return m_redirectUri; }

private:
    void validate(const QByteArray& idToken, const PendingLogins::Login& login, const LoginRequest& request,
                  bool refetched, const std::function<void(LoginResult)>& done);
    void openSession(const IdTokenClaims& claims, const LoginRequest& request,
                     const std::function<void(LoginResult)>& done);
    // Counts the failure toward the IP's lockout, then answers with `error` (or 503 when the
    // failure could not be recorded).
    AuthError failed(const LoginRequest& request, AuthError error, const QString& why);

    OidcSettings m_settings;
    QString m_redirectUri;
    Parts m_parts;
    OidcProvider m_provider;
    PendingLogins m_pending;
    OidcAccounts m_accounts;
};
