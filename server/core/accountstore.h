#pragma once

#include "storage/accountrepository.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

class Clock;

// The accounts, cached in memory over the AccountRepository (the database stays the
// truth: every change is written there first). Owns the built-in `admin` account, whose
// password decides whether authentication is enabled at all (flex semantics).
class AccountStore
{
public:
    static constexpr auto AdminUsername = "admin";

    AccountStore(AccountRepository& repository, const Clock& clock);

    // Loads every account and creates `admin` (no password) if it does not exist yet.
    bool load(QString* error);

    const AccountRecord* byId(qint64 id) const;
    const AccountRecord* byUsername(const QString& username) const;
    const AccountRecord& admin() const;
    bool authEnabled() const { return !admin().passwordHash.isEmpty(); }

    // Updates the cache after the caller committed a new hash (possibly inside a wider transaction).
    void cachePasswordHash(qint64 id, const QByteArray& hash);
    // Writes and caches a new hash on its own (re-hashing of a legacy bcrypt hash), only while
    // the stored hash is still `expected`: a password changed meanwhile, here or by another
    // process, is never overwritten with the old one re-hashed. True when it replaced it.
    bool replacePasswordHash(qint64 id, const QByteArray& expected, const QByteArray& hash);

    // Writes, then caches. insert() returns the stored account (with its id) or nullptr
    // when the username exists or the database refused.
    const AccountRecord* insert(AccountRecord account);
    bool update(const AccountRecord& account);
    // Caches an account the caller already wrote (inside a wider transaction).
    void cache(const AccountRecord& account);
    // Drops an account the caller already deleted in the database (with its sessions).
    void forget(qint64 id);

    std::vector<AccountRecord> all() const;

private:
    AccountRepository& m_repository;
    const Clock& m_clock;
    QHash<qint64, AccountRecord> m_byId;
    QHash<QString, qint64> m_idByUsername;
    qint64 m_adminId = 0;
};
