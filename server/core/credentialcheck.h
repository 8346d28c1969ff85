#pragma once

#include "core/principal.h"

#include <QByteArray>
#include <QString>

struct AccountRecord;
class AccountStore;
class ApiTokenStore;
class Clock;
class PermissionModel;
class SessionStore;

// A principal as it was let in, with what it takes to tell later whether it still would be.
struct GrantedPrincipal
{
    Principal principal;
    QByteArray passwordHash; // Basic only: the stored hash its password matched
};

// Whether a principal let in some time ago would still be let in now, holding a permission:
// for what outlives the request that checked it (the audit log's WebSocket stream). It asks
// what authenticating the same credential again would find, without the credential itself:
// the account exists, is enabled and its role (for an API token, also the token's own list)
// grants the permission; and a bearer's session is live (not revoked, logged out, ended by a
// password change, expired), an API token neither revoked nor expired, a Basic password still
// the stored one, an anonymous caller still in a server whose authentication is off.
class CredentialCheck
{
public:
    CredentialCheck(const AccountStore& accounts, const SessionStore& sessions, const ApiTokenStore& apiTokens,
                    const PermissionModel& permissions, const Clock& clock);

    GrantedPrincipal grant(const Principal& principal) const;
    bool stillAllows(const GrantedPrincipal& granted, const QString& permission) const;

private:
    bool credentialLive(const GrantedPrincipal& granted, const AccountRecord& account) const;

    const AccountStore& m_accounts;
    const SessionStore& m_sessions;
    const ApiTokenStore& m_apiTokens;
    const PermissionModel& m_permissions;
    const Clock& m_clock;
};
