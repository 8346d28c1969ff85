#include "core/credentialcheck.h"

#include "core/accountstore.h"
#include "core/apitokenstore.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "core/sessionstore.h"

CredentialCheck::CredentialCheck(const AccountStore& accounts, const SessionStore& sessions,
                                 const ApiTokenStore& apiTokens, const PermissionModel& permissions, const Clock& clock)
    : m_accounts(accounts), m_sessions(sessions), m_apiTokens(apiTokens), m_permissions(permissions), m_clock(clock)
{}

GrantedPrincipal CredentialCheck::grant(const Principal& principal) const
{
    GrantedPrincipal granted{principal, {}};
    if (principal.method == Principal::Method::Basic) {
        if (const AccountRecord* account = m_accounts.byId(principal.accountId))
            granted.passwordHash = account->passwordHash;
    }
    return granted;
}

bool CredentialCheck::stillAllows(const GrantedPrincipal& granted, const QString& permission) const
{
    const AccountRecord* account = m_accounts.byId(granted.principal.accountId);
    if (!account || account->disabled || !credentialLive(granted, *account))
        return false;
    Principal now = granted.principal;
    now.role = account->role; // the role it has now, not the one it had
    return m_permissions.allows(now, permission);
}

bool CredentialCheck::credentialLive(const GrantedPrincipal& granted, const AccountRecord& account) const
{
    const Principal& principal = granted.principal;
    switch (principal.method) {
    case Principal::Method::Bearer: {
        const SessionRecord* session = m_sessions.find(principal.sessionId);
        return session && session->accountId == principal.accountId;
    }
    case Principal::Method::ApiToken: {
        const ApiTokenRecord* token = m_apiTokens.byId(principal.apiTokenId);
        return token && token->createdBy == principal.accountId && token->liveAt(m_clock.nowMs());
    }
    case Principal::Method::Basic:
        // Another password (set by anyone, or removed) ends what the old one opened; so does
        // the re-hash of an imported bcrypt hash, which only costs a reconnect. Both hashes are
        // the server's own: this compares no secret a client sent.
        return !granted.passwordHash.isEmpty() && account.passwordHash == granted.passwordHash;
    case Principal::Method::Anonymous:
        return !m_accounts.authEnabled();
    }
    return false;
}
