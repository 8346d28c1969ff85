#include "oidc/oidcaccounts.h"

#include "core/accountservice.h"
#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/clock.h"
#include "storage/accountrepository.h"
#include "storage/database.h"

namespace {

AuthError disabledAccount()
{
    return AuthError{AuthError::Code::AccessDenied, QStringLiteral("This account is disabled"), 0};
}

// A claim as a username: the characters usernames allow (ASCII letters and digits, . _ - @),
// anything else replaced, room left for a "-N" suffix.
QString usernameFrom(const QString& claim)
{
    QString name;
    for (const QChar c : claim.left(AccountService::MaxUsernameLength - 4))
        name += AccountService::isUsernameCharacter(c) ? c : u'_';
    return name;
}

} // namespace

OidcAccounts::OidcAccounts(const OidcSettings& settings, Parts parts)
    : m_settings(settings), m_parts(parts), m_identities(parts.database)
{}

OidcAccounts::Result OidcAccounts::resolve(const IdTokenClaims& claims, const QString& clientIp)
{
    const std::optional<qint64> linked = m_identities.accountFor(claims.issuer, claims.subject);
    if (!linked)
        return AuthError::storageUnavailable();
    if (*linked != 0) {
        const AccountRecord* account = m_parts.accounts.byId(*linked);
        if (!account)
            return AuthError::storageUnavailable(); // removed by another process a moment ago
        if (account->disabled)
            return disabledAccount();
        return account;
    }
    if (m_settings.linkVerifiedEmail && claims.emailVerified && !claims.email.isEmpty()) {
        for (const AccountRecord& account : m_parts.accounts.all()) {
            if (account.username.compare(claims.email, Qt::CaseInsensitive) == 0)
                return link(account, claims, clientIp);
        }
    }
    return create(claims, clientIp);
}

OidcAccounts::Result OidcAccounts::link(const AccountRecord& account, const IdTokenClaims& claims,
                                        const QString& clientIp)
{
    if (account.disabled)
        return disabledAccount();
    const OidcIdentityRecord identity{claims.issuer, claims.subject, account.id, m_parts.clock.nowMs()};
    if (!m_parts.database.transaction([&](QSqlDatabase& db) { return OidcIdentityRepository::insert(db, identity); }))
        return AuthError::storageUnavailable();
    m_parts.audit.record(QStringLiteral("oidc.linked"), account.username, clientIp,
                         {{QStringLiteral("issuer"), claims.issuer}, {QStringLiteral("by"), QStringLiteral("email")}});
    return m_parts.accounts.byId(account.id);
}

OidcAccounts::Result OidcAccounts::create(const IdTokenClaims& claims, const QString& clientIp)
{
    AccountRecord account;
    account.username = freeUsername(claims);
    account.firstname = claims.name.left(128);
    account.role = m_settings.defaultRole;
    account.createdAtMs = account.updatedAtMs = m_parts.clock.nowMs();
    // The account and its identity commit together: no account without the way to log in.
    const bool committed = m_parts.database.transaction([&](QSqlDatabase& db) {
        account.id = AccountRepository::insert(db, account);
        return account.id > 0
            && OidcIdentityRepository::insert(db, {claims.issuer, claims.subject, account.id, account.createdAtMs});
    });
    if (!committed)
        return AuthError::storageUnavailable();
    m_parts.accounts.cache(account);
    m_parts.audit.record(QStringLiteral("oidc.account_created"), account.username, clientIp,
                         {{QStringLiteral("issuer"), claims.issuer}, {QStringLiteral("role"), account.role}});
    return m_parts.accounts.byId(account.id);
}

QString OidcAccounts::freeUsername(const IdTokenClaims& claims) const
{
    QString base;
    for (const QString& claim : {claims.preferredUsername, claims.email, claims.subject}) {
        base = usernameFrom(claim);
        if (!base.isEmpty())
            break;
    }
    if (base.isEmpty())
        base = QStringLiteral("oidc-user");
    QString candidate = base;
    for (int suffix = 2; m_parts.accounts.byUsername(candidate); ++suffix)
        candidate = base + u'-' + QString::number(suffix);
    return candidate;
}
