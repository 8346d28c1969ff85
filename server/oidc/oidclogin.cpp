#include "oidc/oidclogin.h"

#include "core/auditlog.h"
#include "core/clock.h"
#include "core/ratelimiter.h"
#include "oidc/oidclogging.h"

#include <QUrlQuery>

namespace {

const QString Dialect = QStringLiteral("manager");

AuthError providerUnavailable()
{
    return AuthError{AuthError::Code::ProviderUnavailable, QStringLiteral("The OpenID provider is not reachable"), 0};
}

AuthError invalidIdToken()
{
    return AuthError{AuthError::Code::InvalidIdToken, QStringLiteral("The OpenID provider's answer was not accepted"),
                     0};
}

} // namespace

OidcLogin::OidcLogin(const OidcSettings& settings, Parts parts, QObject* parent)
    : QObject(parent), m_settings(settings), m_parts(parts), m_provider(settings, parts.accounts.clock),
      m_pending(parts.accounts.clock), m_accounts(settings, parts.accounts)
{}

void OidcLogin::begin(std::function<void(AuthUrl)> done)
{
    m_provider.metadata([this, done](const ProviderMetadata* metadata, const QString&) {
        if (!metadata) {
            done(providerUnavailable());
            return;
        }
        const PendingLogins::Login login = m_pending.begin();
        QUrlQuery query;
        query.setQueryItems({{QStringLiteral("response_type"), QStringLiteral("code")},
                             {QStringLiteral("client_id"), m_settings.clientId},
                             {QStringLiteral("redirect_uri"), m_redirectUri},
                             {QStringLiteral("scope"), m_settings.scopes},
                             {QStringLiteral("state"), login.state},
                             {QStringLiteral("nonce"), login.nonce},
                             {QStringLiteral("code_challenge"), login.codeChallenge},
                             {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}});
        QUrl url = metadata->authorizationEndpoint;
        QUrlQuery existing(url); // an endpoint may carry its own parameters
        for (const auto& item : query.queryItems(QUrl::FullyEncoded))
            existing.addQueryItem(item.first, item.second);
        url.setQuery(existing);
        done(url.toString(QUrl::FullyEncoded));
    });
}

void OidcLogin::complete(const Callback& callback, const LoginRequest& request, std::function<void(LoginResult)> done)
{
    if (const auto retryAfter = m_parts.limiter.lockedFor(request.client.ip)) {
        m_parts.limiter.recordLockedAttempt(request.client.ip, Dialect, {});
        done(AuthError::loginRateLimited(*retryAfter));
        return;
    }
    const std::optional<PendingLogins::Login> login = m_pending.take(callback.state);
    if (!login) {
        done(failed(request,
                    AuthError{AuthError::Code::InvalidState,
                              QStringLiteral("Unknown, used or expired login state: start the login again"), 0},
                    QStringLiteral("oidc: invalid state")));
        return;
    }
    if (!callback.error.isEmpty()) {
        done(
            failed(request,
                   AuthError{AuthError::Code::AccessDenied, QStringLiteral("The OpenID provider refused the login"), 0},
                   QStringLiteral("oidc: provider answered %1").arg(callback.error.left(64))));
        return;
    }
    // RFC 9207: an `iss` naming another provider means the answer went to the wrong place (mix-up).
    if ((!callback.issuer.isEmpty() && callback.issuer != m_settings.issuer) || callback.code.isEmpty()) {
        done(failed(request, invalidIdToken(), QStringLiteral("oidc: wrong iss or no code")));
        return;
    }
    m_provider.exchangeCode(callback.code, login->codeVerifier, m_redirectUri,
                            [this, login = *login, request, done](const OidcProvider::Exchange& exchange) {
                                if (exchange.idToken.isEmpty()) {
                                    qCWarning(lcOidc).noquote() << exchange.error;
                                    done(exchange.unreachable ? providerUnavailable()
                                                              : failed(request, invalidIdToken(), exchange.error));
                                    return;
                                }
                                validate(exchange.idToken, login, request, false, done);
                            });
}

void OidcLogin::validate(const QByteArray& idToken, const PendingLogins::Login& login, const LoginRequest& request,
                         bool refetched, const std::function<void(LoginResult)>& done)
{
    m_provider.keys(refetched, [this, idToken, login, request, refetched, done](const JwkSet* keys, const QString&) {
        if (!keys) {
            done(providerUnavailable());
            return;
        }
        m_provider.metadata([this, keySet = *keys, idToken, login, request, refetched,
                             done](const ProviderMetadata* metadata, const QString&) {
            IdTokenExpectations expected;
            expected.issuer = m_settings.issuer;
            expected.clientId = m_settings.clientId;
            expected.nonce = login.nonce;
            expected.nowSecs = m_parts.accounts.clock.nowSecs();
            expected.algorithms = metadata ? metadata->idTokenAlgorithms : QStringList{};
            const IdTokenVerdict verdict = validateIdToken(idToken, keySet, expected);
            if (verdict.error == IdTokenError::UnknownKey && !refetched) {
                validate(idToken, login, request, true, done); // rotated keys? one refetch
                return;
            }
            if (!verdict.ok()) {
                done(failed(request, invalidIdToken(),
                            QStringLiteral("oidc: ID token %1").arg(describe(verdict.error))));
                return;
            }
            openSession(verdict.claims, request, done);
        });
    });
}

void OidcLogin::openSession(const IdTokenClaims& claims, const LoginRequest& request,
                            const std::function<void(LoginResult)>& done)
{
    const OidcAccounts::Result account = m_accounts.resolve(claims, request.client.ip);
    if (const auto* error = std::get_if<AuthError>(&account)) {
        done(error->code == AuthError::Code::AccessDenied
                 ? failed(request, *error, QStringLiteral("oidc: account disabled"))
                 : *error);
        return;
    }
    const AccountRecord& found = *std::get<const AccountRecord*>(account);
    LoginRequest session = request;
    session.username = found.username;
    LoginResult result = m_parts.tokens.openSession(found, session);
    if (std::holds_alternative<IssuedSession>(result)) {
        m_parts.accounts.audit.record(QStringLiteral("login.oidc"), found.username, request.client.ip,
                                      {{QStringLiteral("issuer"), claims.issuer}});
    }
    done(std::move(result));
}

AuthError OidcLogin::failed(const LoginRequest& request, AuthError error, const QString& why)
{
    qCInfo(lcOidc).noquote() << why << "from" << request.client.ip;
    if (!m_parts.limiter.recordFailure(request.client.ip, Dialect, {}, why))
        return AuthError::storageUnavailable();
    return error;
}
