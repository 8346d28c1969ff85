#pragma once

#include "core/autherror.h"
#include "core/principal.h"
#include "storage/accountrepository.h"

#include <optional>
#include <variant>
#include <vector>

class AccountStore;
class AuditLog;
class Clock;
class Database;
class PermissionModel;
class SessionStore;

// What an administrator may change about an account besides its password (which goes
// through AuthService::setPassword, policy and hashing included).
struct AccountChanges
{
    std::optional<QString> firstname;
    std::optional<QString> lastname;
    std::optional<QString> role;
    std::optional<bool> disabled;
};

using AccountResult = std::variant<AccountRecord, AuthError>;

// User accounts: create, change, remove — validated, audited, committed before the caller
// answers. Taking a role away, disabling or removing an account ends its sessions in the
// same transaction (a demoted operator must not keep a session that still says "admin"),
// and the Basic cache follows because it is keyed to the stored password hash.
// The built-in admin can be neither removed, disabled nor demoted: it is the device password.
// No actor changes an account holding a permission the actor lacks, nor gives a role holding
// one (PermissionModel::dominates): every change checks it here, and the callers that reach
// an account another way (setting its password, ending its sessions) ask checkMayManage().
// The command line and the control panel act as the admin: they are the local operator, who
// can read the database and the key store anyway.
class AccountService
{
public:
    AccountService(Database& database, AccountStore& accounts, SessionStore& sessions, AuditLog& audit,
                   const PermissionModel& permissions, const Clock& clock);

    // Whether `actor` may act on account `id` at all: NotFound, Forbidden (the account holds a
    // permission the actor lacks), or nullopt.
    std::optional<AuthError> checkMayManage(const Principal& actor, qint64 id) const;

    std::vector<AccountRecord> list() const; // without password hashes
    // `draft.passwordHash` is a hash already (AuthService::hashPassword or an imported bcrypt).
    AccountResult create(AccountRecord draft, const Principal& actor, const ClientInfo& client);
    AccountResult update(qint64 id, const AccountChanges& changes, const Principal& actor, const ClientInfo& client);
    std::optional<AuthError> remove(qint64 id, const Principal& actor, const ClientInfo& client);

    static constexpr int MaxUsernameLength = 64;
    // ASCII letters and digits, `.`, `_`, `-`, `@`: what a username may hold.
    static bool isUsernameCharacter(QChar c);
    static bool isValidUsername(const QString& username);

private:
    std::optional<AuthError> checkMayManage(const Principal& actor, const AccountRecord& account) const;
    std::optional<AuthError> checkMayGrant(const Principal& actor, const QString& role) const;
    std::optional<AuthError> endSessionsAndSave(AccountRecord& changed, bool endSessions);

    Database& m_database;
    AccountStore& m_accounts;
    SessionStore& m_sessions;
    AuditLog& m_audit;
    const PermissionModel& m_permissions;
    const Clock& m_clock;
};
