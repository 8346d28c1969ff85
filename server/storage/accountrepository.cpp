#include "storage/accountrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

namespace {

const QLatin1String kSelect("SELECT id, username, firstname, lastname, role, password_hash, disabled, created_at, "
                            "updated_at FROM accounts");

AccountRecord toRecord(const QSqlQuery& query)
{
    AccountRecord account;
    account.id = query.value(0).toLongLong();
    account.username = query.value(1).toString();
    account.firstname = query.value(2).toString();
    account.lastname = query.value(3).toString();
    account.role = query.value(4).toString();
    account.passwordHash = query.value(5).toByteArray();
    account.disabled = query.value(6).toInt() != 0;
    account.createdAtMs = query.value(7).toLongLong();
    account.updatedAtMs = query.value(8).toLongLong();
    return account;
}

std::optional<AccountRecord> selectOne(QSqlDatabase db, const QString& where, const QVariant& key, const char* what)
{
    QSqlQuery query(db);
    if (!SqlUtil::run(query, kSelect + where, {key}, what) || !query.next())
        return std::nullopt;
    return toRecord(query);
}

// Booleans are bound as integers: PostgreSQL would not take true/false into an INTEGER column.
int flag(bool value)
{
    return value ? 1 : 0;
}

} // namespace

std::vector<AccountRecord> AccountRepository::all()
{
    std::vector<AccountRecord> accounts;
    QSqlQuery query(m_database.connection());
    if (SqlUtil::run(query, kSelect + QLatin1String(" ORDER BY id"), {}, "accounts.all")) {
        while (query.next())
            accounts.push_back(toRecord(query));
    }
    return accounts;
}

std::optional<AccountRecord> AccountRepository::byId(qint64 id)
{
    return selectOne(m_database.connection(), QStringLiteral(" WHERE id = ?"), id, "accounts.byId");
}

std::optional<AccountRecord> AccountRepository::byUsername(const QString& username)
{
    return selectOne(m_database.connection(), QStringLiteral(" WHERE username = ?"), SqlUtil::text(username),
                     "accounts.byUsername");
}

qint64 AccountRepository::insert(const AccountRecord& account)
{
    QSqlDatabase db = m_database.connection();
    return insert(db, account);
}

qint64 AccountRepository::insert(QSqlDatabase& db, const AccountRecord& account)
{
    // DO NOTHING: an existing username is an expected answer (0), not an error to log.
    QSqlQuery query(db);
    const bool ok = SqlUtil::run(
        query,
        QStringLiteral("INSERT INTO accounts (username, firstname, lastname, role, password_hash, disabled, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (username) DO NOTHING RETURNING id"),
        {SqlUtil::text(account.username), SqlUtil::text(account.firstname), SqlUtil::text(account.lastname),
         SqlUtil::text(account.role), account.passwordHash, flag(account.disabled), account.createdAtMs,
         account.updatedAtMs},
        "accounts.insert");
    return ok ? SqlUtil::firstInteger(query, "accounts.insert") : 0;
}

bool AccountRepository::update(const AccountRecord& account)
{
    QSqlDatabase db = m_database.connection();
    return update(db, account);
}

bool AccountRepository::update(QSqlDatabase& db, const AccountRecord& account)
{
    QSqlQuery query(db);
    return SqlUtil::run(query,
                        QStringLiteral("UPDATE accounts SET username = ?, firstname = ?, lastname = ?, role = ?, "
                                       "password_hash = ?, disabled = ?, updated_at = ? WHERE id = ?"),
                        {SqlUtil::text(account.username), SqlUtil::text(account.firstname),
                         SqlUtil::text(account.lastname), SqlUtil::text(account.role), account.passwordHash,
                         flag(account.disabled), account.updatedAtMs, account.id},
                        "accounts.update")
        && query.numRowsAffected() == 1;
}

bool AccountRepository::setPasswordHash(qint64 id, const QByteArray& hash, qint64 atMs)
{
    QSqlDatabase db = m_database.connection();
    return setPasswordHash(db, id, hash, atMs);
}

bool AccountRepository::setPasswordHash(QSqlDatabase& db, qint64 id, const QByteArray& hash, qint64 atMs)
{
    QSqlQuery query(db);
    return SqlUtil::run(query, QStringLiteral("UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?"),
                        {hash, atMs, id}, "accounts.setPasswordHash")
        && query.numRowsAffected() == 1;
}

std::optional<bool> AccountRepository::replacePasswordHash(qint64 id, const QByteArray& expected,
                                                           const QByteArray& hash, qint64 atMs)
{
    QSqlDatabase db = m_database.connection();
    return replacePasswordHash(db, id, expected, hash, atMs);
}

std::optional<bool> AccountRepository::replacePasswordHash(QSqlDatabase& db, qint64 id, const QByteArray& expected,
                                                           const QByteArray& hash, qint64 atMs)
{
    QSqlQuery query(db);
    if (!SqlUtil::run(query,
                      QStringLiteral("UPDATE accounts SET password_hash = ?, updated_at = ? "
                                     "WHERE id = ? AND password_hash = ?"),
                      {hash, atMs, id, expected}, "accounts.replacePasswordHash"))
        return std::nullopt;
    return query.numRowsAffected() == 1;
}

bool AccountRepository::remove(qint64 id)
{
    // The account's sessions go with it (ON DELETE CASCADE; foreign_keys is on).
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query, QStringLiteral("DELETE FROM accounts WHERE id = ?"), {id}, "accounts.remove")
        && query.numRowsAffected() == 1;
}
