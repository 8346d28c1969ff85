#pragma once

#include "core/autherror.h"
#include "core/principal.h"
#include "storage/apitokenrepository.h"

#include <QObject>
#include <QStringList>

#include <variant>
#include <vector>

class AccountStore;
class ApiTokenStore;
class AuditLog;
class Clock;
class PermissionModel;

struct NewApiToken
{
    QString name;            // 1-64 characters, no control characters
    QStringList permissions; // "resource:action"; each must be held by the creator
    qint64 expiresAtMs = 0;  // 0 = never; else must lie in the future
};

struct CreatedApiToken
{
    ApiTokenRecord token;
    QByteArray secret; // shown once, never stored
};

using CreateTokenResult = std::variant<CreatedApiToken, AuthError>;

// Creating, listing and revoking API tokens, with the rules every caller (HTTP, the
// command line, the control panel) must obey: known permissions only, never more than
// the creator holds, an expiry in the future. Each change is audited.
class ApiTokenService : public QObject
{
    Q_OBJECT

public:
    ApiTokenService(ApiTokenStore& store, const AccountStore& accounts, const PermissionModel& permissions,
                    AuditLog& audit, const Clock& clock, QObject* parent = nullptr);

    CreateTokenResult create(const Principal& creator, const NewApiToken& request, const QString& clientIp);
    // Unrevoked tokens (expired ones included), newest first.
    std::vector<ApiTokenRecord> list() const;
    // NotFound when unknown or already revoked; Forbidden when the token holds a permission
    // the actor lacks; Unavailable when storage refused.
    std::optional<AuthError> revoke(const Principal& actor, qint64 id, const QString& clientIp);
    // Username of a token's creator ("" when the account is gone).
    QString creatorName(const ApiTokenRecord& token) const;

private:
    ApiTokenStore& m_store;
    const AccountStore& m_accounts;
    const PermissionModel& m_permissions;
    AuditLog& m_audit;
    const Clock& m_clock;
};
