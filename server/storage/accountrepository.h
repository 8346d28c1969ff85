#pragma once

#include "values/accountrecord.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

class Database;

class AccountRepository
{
public:
    explicit AccountRepository(Database& database) : m_database(database) {}

    std::vector<AccountRecord> all();
    std::optional<AccountRecord> byId(qint64 id);
    std::optional<AccountRecord> byUsername(const QString& username);
    // Returns the new id, or 0 on failure (e.g. the username exists).
    qint64 insert(const AccountRecord& account);
    static qint64 insert(QSqlDatabase& db, const AccountRecord& account); // inside Database::transaction()
    // update/setPasswordHash/remove: false when there is no such account (or on failure).
    bool update(const AccountRecord& account); // all columns but id and createdAt
    static bool update(QSqlDatabase& db, const AccountRecord& account);
    bool setPasswordHash(qint64 id, const QByteArray& hash, qint64 atMs);
    // The same on an explicit connection, for use inside Database::transaction().
    static bool setPasswordHash(QSqlDatabase& db, qint64 id, const QByteArray& hash, qint64 atMs);
    // Compare-and-set: replaces the hash only while the stored one is still `expected`, so of
    // two changes made from the same stored hash (here or in another process) one wins.
    // Whether it replaced it; nullopt when the statement failed.
    std::optional<bool> replacePasswordHash(qint64 id, const QByteArray& expected, const QByteArray& hash, qint64 atMs);
    static std::optional<bool> replacePasswordHash(QSqlDatabase& db, qint64 id, const QByteArray& expected,
                                                   const QByteArray& hash, qint64 atMs);
    bool remove(qint64 id);

private:
    Database& m_database;
};
