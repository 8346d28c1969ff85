#pragma once

#include "core/autherror.h"
#include "oidc/idtokenvalidator.h"
#include "storage/oidcidentityrepository.h"
#include "values/oidcsettings.h"

#include <variant>

class AccountStore;
class AuditLog;
class Clock;
class Database;
struct AccountRecord;

// Which account a verified ID token logs in as. Found by (iss, sub) only — never by a name
// or an email, which the provider's user may be able to change. A first login links to a
// local account with the same email only where the operator allowed it and the provider
// vouches for the address (`email_verified` is JSON true): otherwise anyone who can register
// that address at the provider would take the account over. Else it creates an account
// with the default role and no password. A disabled account is refused.
class OidcAccounts
{
public:
    struct Parts
    {
        Database& database;
        AccountStore& accounts;
        AuditLog& audit;
        const Clock& clock;
    };
    using Result = std::variant<const AccountRecord*, AuthError>;

    OidcAccounts(const OidcSettings& settings, Parts parts);

    Result resolve(const IdTokenClaims& claims, const QString& clientIp);

private:
    Result link(const AccountRecord& account, const IdTokenClaims& claims, const QString& clientIp);
    Result create(const IdTokenClaims& claims, const QString& clientIp);
    QString freeUsername(const IdTokenClaims& claims) const;

    OidcSettings m_settings;
    Parts m_parts;
    OidcIdentityRepository m_identities;
};
