#include "core/accountservice.h"

#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "core/sessionstore.h"
#include "storage/database.h"
#include "storage/sessionrepository.h"

#include <algorithm>

namespace {

AuthError badRequest(const QString& message)
{
    return AuthError{AuthError::Code::BadRequest, message, 0};
}

AuthError notFound()
{
    return AuthError{AuthError::Code::NotFound, QStringLiteral("No such account"), 0};
}

AuthError forbidden(const QString& message)
{
    return AuthError{AuthError::Code::Forbidden, message, 0};
}

AccountRecord withoutHash(AccountRecord account)
{
    account.passwordHash.clear();
    return account;
}

std::optional<AuthError> checkNames(const AccountRecord& account)
{
    if (account.firstname.size() > 128 || account.lastname.size() > 128)
        return badRequest(QStringLiteral("Names are limited to 128 characters"));
    return std::nullopt;
}

} // namespace

AccountService::AccountService(Database& database, AccountStore& accounts, SessionStore& sessions, AuditLog& audit,
                               const PermissionModel& permissions, const Clock& clock)
    : m_database(database), m_accounts(accounts), m_sessions(sessions), m_audit(audit), m_permissions(permissions),
      m_clock(clock)
{}

std::optional<AuthError> AccountService::checkMayManage(const Principal& actor, qint64 id) const
{
    const AccountRecord* account = m_accounts.byId(id);
    if (!account)
        return notFound();
    return checkMayManage(actor, *account);
}

std::optional<AuthError> AccountService::checkMayManage(const Principal& actor, const AccountRecord& account) const
{
    if (m_permissions.dominates(actor, account.role))
        return std::nullopt;
    return forbidden(QStringLiteral("You cannot act on an account that holds permissions you lack"));
}

std::optional<AuthError> AccountService::checkMayGrant(const Principal& actor, const QString& role) const
{
    if (m_permissions.dominates(actor, role))
        return std::nullopt;
    return forbidden(QStringLiteral("You cannot give the role %1: it holds permissions you lack").arg(role));
}

bool AccountService::isUsernameCharacter(QChar c)
{
    return (c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'_' || c == u'-' || c == u'@';
}

bool AccountService::isValidUsername(const QString& username)
{
    if (username.isEmpty() || username.size() > MaxUsernameLength)
        return false;
    return std::all_of(username.cbegin(), username.cend(), isUsernameCharacter);
}

std::vector<AccountRecord> AccountService::list() const
{
    std::vector<AccountRecord> accounts = m_accounts.all();
    for (AccountRecord& account : accounts)
        account.passwordHash.clear();
    return accounts;
}

AccountResult AccountService::create(AccountRecord draft, const Principal& actor, const ClientInfo& client)
{
    if (!isValidUsername(draft.username))
        return badRequest(QStringLiteral("Usernames are 1-64 characters: letters, digits, . _ - @"));
    if (!PermissionModel::isRole(draft.role))
        return badRequest(QStringLiteral("Role must be one of: admin, operator, viewer"));
    if (auto refused = checkMayGrant(actor, draft.role))
        return *refused;
    if (auto invalid = checkNames(draft))
        return *invalid;
    if (m_accounts.byUsername(draft.username))
        return AuthError{AuthError::Code::Conflict, QStringLiteral("That username is taken"), 0};
    const AccountRecord* created = m_accounts.insert(std::move(draft));
    if (!created)
        return AuthError::storageUnavailable();
    m_audit.record(QStringLiteral("user.created"), actor.username, client.ip,
                   {{QStringLiteral("user"), created->username}, {QStringLiteral("role"), created->role}});
    return withoutHash(*created);
}

AccountResult AccountService::update(qint64 id, const AccountChanges& changes, const Principal& actor,
                                     const ClientInfo& client)
{
    const AccountRecord* current = m_accounts.byId(id);
    if (!current)
        return notFound();
    if (auto refused = checkMayManage(actor, *current))
        return *refused;
    AccountRecord changed = *current;
    changed.firstname = changes.firstname.value_or(changed.firstname);
    changed.lastname = changes.lastname.value_or(changed.lastname);
    changed.role = changes.role.value_or(changed.role);
    changed.disabled = changes.disabled.value_or(changed.disabled);
    if (!PermissionModel::isRole(changed.role))
        return badRequest(QStringLiteral("Role must be one of: admin, operator, viewer"));
    if (changed.role != current->role) {
        if (auto refused = checkMayGrant(actor, changed.role))
            return *refused;
    }
    if (auto invalid = checkNames(changed))
        return *invalid;
    if (id == m_accounts.admin().id && (changed.role != current->role || changed.disabled))
        return badRequest(QStringLiteral("The built-in admin account can be neither demoted nor disabled"));
    const bool endSessions = changed.role != current->role || (changed.disabled && !current->disabled);
    if (auto failure = endSessionsAndSave(changed, endSessions))
        return *failure;
    m_audit.record(QStringLiteral("user.changed"), actor.username, client.ip,
                   {{QStringLiteral("user"), changed.username},
                    {QStringLiteral("role"), changed.role},
                    {QStringLiteral("disabled"), changed.disabled}});
    return withoutHash(changed);
}

std::optional<AuthError> AccountService::endSessionsAndSave(AccountRecord& stored, bool endSessions)
{
    stored.updatedAtMs = m_clock.nowMs();
    std::vector<QString> ended;
    const bool committed = m_database.transaction([&](QSqlDatabase& db) {
        if (!AccountRepository::update(db, stored))
            return false;
        if (!endSessions)
            return true;
        auto revoked = SessionRepository::revokeAllOf(db, stored.id, stored.updatedAtMs);
        if (revoked)
            ended = std::move(*revoked);
        return revoked.has_value();
    });
    if (!committed)
        return AuthError::storageUnavailable();
    m_accounts.cache(stored);
    m_sessions.forget(ended);
    return std::nullopt;
}

std::optional<AuthError> AccountService::remove(qint64 id, const Principal& actor, const ClientInfo& client)
{
    const AccountRecord* account = m_accounts.byId(id);
    if (!account)
        return notFound();
    if (auto refused = checkMayManage(actor, *account))
        return *refused;
    if (id == m_accounts.admin().id)
        return badRequest(QStringLiteral("The built-in admin account cannot be removed"));
    const QString username = account->username;
    AccountRepository repository(m_database);
    if (!repository.remove(id)) // its sessions go with it (ON DELETE CASCADE)
        return AuthError::storageUnavailable();
    m_sessions.forgetAccount(id);
    m_accounts.forget(id);
    m_audit.record(QStringLiteral("user.removed"), actor.username, client.ip, {{QStringLiteral("user"), username}});
    return std::nullopt;
}
