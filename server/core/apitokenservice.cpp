#include "core/apitokenservice.h"

#include "core/accountstore.h"
#include "core/apitokenstore.h"
#include "core/auditlog.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "crypto/apitokenformat.h"

#include <QJsonArray>

namespace {

constexpr int MaxNameLength = 64;

AuthError error(AuthError::Code code, const QString& message)
{
    return AuthError{code, message, 0};
}

bool isValidName(const QString& name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    return std::none_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// What a token lets its bearer do: its own list, as far as its creator's role still grants it.
QStringList heldBy(const ApiTokenRecord& token, const AccountStore& accounts, const PermissionModel& permissions)
{
    const AccountRecord* creator = accounts.byId(token.createdBy);
    if (!creator)
        return {};
    Principal holder;
    holder.role = creator->role;
    holder.method = Principal::Method::ApiToken;
    holder.tokenPermissions = token.permissions;
    return permissions.permissionsOf(holder);
}

QJsonObject describe(const ApiTokenRecord& token)
{
    return {{QStringLiteral("id"), token.id},
            {QStringLiteral("name"), token.name},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(token.permissions)}};
}

} // namespace

ApiTokenService::ApiTokenService(ApiTokenStore& store, const AccountStore& accounts, const PermissionModel& permissions,
                                 AuditLog& audit, const Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_accounts(accounts), m_permissions(permissions), m_audit(audit), m_clock(clock)
{}

CreateTokenResult ApiTokenService::create(const Principal& creator, const NewApiToken& request, const QString& clientIp)
{
    const QString name = request.name.trimmed();
    if (!isValidName(name))
        return error(AuthError::Code::BadRequest,
                     QStringLiteral("name must be 1-64 characters without control characters"));
    if (request.permissions.isEmpty())
        return error(AuthError::Code::BadRequest, QStringLiteral("permissions must list at least one resource:action"));
    QStringList permissions = request.permissions;
    permissions.removeDuplicates();
    permissions.sort();
    for (const QString& permission : std::as_const(permissions)) {
        if (!m_permissions.isValid(permission))
            return error(AuthError::Code::BadRequest, QStringLiteral("unknown permission: %1").arg(permission));
    }
    // Never more than the creator holds — an API token creating a token counts its own list —
    // so a token cannot be used to mint a stronger one.
    for (const QString& permission : std::as_const(permissions)) {
        if (!m_permissions.allows(creator, permission))
            return error(AuthError::Code::Forbidden,
                         QStringLiteral("you cannot grant a permission you do not hold: %1").arg(permission));
    }
    if (request.expiresAtMs != 0 && request.expiresAtMs <= m_clock.nowMs())
        return error(AuthError::Code::BadRequest, QStringLiteral("expires_at must lie in the future"));
    if (!m_accounts.byId(creator.accountId))
        return error(AuthError::Code::Forbidden, QStringLiteral("the creating account does not exist"));

    ApiTokenRecord draft;
    draft.name = name;
    draft.permissions = permissions;
    draft.createdBy = creator.accountId;
    draft.createdAtMs = m_clock.nowMs();
    draft.expiresAtMs = request.expiresAtMs;
    const QByteArray secret = ApiTokenFormat::generate();
    const auto stored = m_store.insert(draft, secret);
    if (!stored)
        return AuthError::storageUnavailable();
    m_audit.record(QStringLiteral("token.created"), creator.username, clientIp, describe(*stored));
    return CreatedApiToken{*stored, secret};
}

std::vector<ApiTokenRecord> ApiTokenService::list() const
{
    // Removing an account deletes its tokens in the database; the cache forgets them at the
    // next reload, so hide them meanwhile (they are refused already).
    std::vector<ApiTokenRecord> tokens = m_store.list();
    std::erase_if(tokens, [this](const ApiTokenRecord& token) { return !m_accounts.byId(token.createdBy); });
    return tokens;
}

std::optional<AuthError> ApiTokenService::revoke(const Principal& actor, qint64 id, const QString& clientIp)
{
    const ApiTokenRecord* token = m_store.byId(id);
    if (!token || token->revokedAtMs != 0)
        return error(AuthError::Code::NotFound, QStringLiteral("No such token"));
    // Revoking a token is acting on what it holds (PermissionModel::holdsAll): not for an
    // actor holding less, such as a weaker token with tokens:write.
    if (!m_permissions.holdsAll(actor, heldBy(*token, m_accounts, m_permissions)))
        return error(AuthError::Code::Forbidden,
                     QStringLiteral("You cannot revoke a token holding permissions you lack"));
    const QJsonObject detail = describe(*token);
    if (!m_store.revoke(id))
        return AuthError::storageUnavailable();
    m_audit.record(QStringLiteral("token.revoked"), actor.username, clientIp, detail);
    return std::nullopt;
}

QString ApiTokenService::creatorName(const ApiTokenRecord& token) const
{
    const AccountRecord* account = m_accounts.byId(token.createdBy);
    return account ? account->username : QString();
}
