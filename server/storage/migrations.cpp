#include "storage/migrations.h"

#include "storage/database.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QDateTime>
#include <QSqlError>

#include <vector>

namespace {

struct Step
{
    int version;
    std::vector<const char*> statements; // "{autoid}" and "{blob}" are replaced per dialect
};

// Times are milliseconds since the Unix epoch (BIGINT). Text columns are NOT NULL with ''
// for "none"; sessions.revoked_at is 0 while the session is live.
const std::vector<Step>& steps()
{
    static const std::vector<Step> list = {
        {1,
         {"CREATE TABLE accounts (id {autoid}, username TEXT NOT NULL UNIQUE, firstname TEXT NOT NULL DEFAULT '', "
          "lastname TEXT NOT NULL DEFAULT '', role TEXT NOT NULL, password_hash {blob}, "
          "disabled INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
          "CREATE TABLE sessions (id TEXT PRIMARY KEY, "
          "account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, dialect TEXT NOT NULL, "
          "client_ip TEXT NOT NULL DEFAULT '', user_agent TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
          "expires_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL DEFAULT 0, "
          "revoked_at BIGINT NOT NULL DEFAULT 0, refresh_hash {blob})",
          "CREATE INDEX sessions_revoked_expires ON sessions (revoked_at, expires_at)",
          "CREATE INDEX sessions_account ON sessions (account_id)",
          "CREATE TABLE ratelimit_events (id {autoid}, at BIGINT NOT NULL, client_ip TEXT NOT NULL, "
          "kind TEXT NOT NULL, dialect TEXT NOT NULL DEFAULT '', username TEXT NOT NULL DEFAULT '', "
          "detail TEXT NOT NULL DEFAULT '')",
          "CREATE INDEX ratelimit_events_at ON ratelimit_events (at)",
          "CREATE INDEX ratelimit_events_client_ip_at ON ratelimit_events (client_ip, at)",
          "CREATE TABLE audit_events (id {autoid}, at BIGINT NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, "
          "client_ip TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '')",
          "CREATE INDEX audit_events_at ON audit_events (at)",
          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"}},
        // API tokens: only a keyed hash of the secret is stored. Permissions are a
        // space-separated list of "resource:action". A token dies with its creator's account.
        {2,
         {"CREATE TABLE api_tokens (id {autoid}, name TEXT NOT NULL, token_hash {blob} NOT NULL UNIQUE, "
          "hint TEXT NOT NULL, permissions TEXT NOT NULL, "
          "created_by BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, created_at BIGINT NOT NULL, "
          "expires_at BIGINT NOT NULL DEFAULT 0, last_used_at BIGINT NOT NULL DEFAULT 0, "
          "last_used_ip TEXT NOT NULL DEFAULT '', revoked_at BIGINT NOT NULL DEFAULT 0)",
          "CREATE INDEX api_tokens_revoked ON api_tokens (revoked_at)"}},
        // OpenID Connect identities: an account found by the provider's (issuer, subject),
        // never by a name or an email that the provider's user can change.
        {3,
         {"CREATE TABLE oidc_identities (issuer TEXT NOT NULL, subject TEXT NOT NULL, "
          "account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, linked_at BIGINT NOT NULL, "
          "PRIMARY KEY (issuer, subject))",
          "CREATE INDEX oidc_identities_account ON oidc_identities (account_id)"}},
    };
    return list;
}

bool fail(QString* failure, const QString& message)
{
    *failure = message;
    return false;
}

bool createVersionTable(QSqlDatabase& db, QString* failure)
{
    QSqlQuery query(db);
    if (SqlUtil::runUnprepared(query,
                               QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version "
                                              "(version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"),
                               "migrations.versionTable"))
        return true;
    return fail(failure, QStringLiteral("cannot create schema_version: %1").arg(query.lastError().text()));
}

bool applyStep(QSqlDatabase& db, const SqlDialect& dialect, const Step& step, QString* failure)
{
    const int current = Migrations::currentVersion(db);
    if (current < 0)
        return fail(failure, QStringLiteral("cannot read the schema version"));
    if (current >= step.version)
        return true; // another process applied it while this one waited for the lock
    for (const char* statement : step.statements) {
        QSqlQuery query(db);
        if (!SqlUtil::runUnprepared(query, dialect.adapt(QLatin1String(statement)), "migrations.step"))
            return fail(failure,
                        QStringLiteral("schema step %1 failed: %2").arg(step.version).arg(query.lastError().text()));
    }
    QSqlQuery record(db);
    if (!SqlUtil::run(record, QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                      {step.version, QDateTime::currentMSecsSinceEpoch()}, "migrations.record"))
        return fail(
            failure,
            QStringLiteral("cannot record schema step %1: %2").arg(step.version).arg(record.lastError().text()));
    return true;
}

bool lockSchema(QSqlDatabase& db, const SqlDialect& dialect, QString* failure)
{
    if (dialect.migrationLock.isEmpty())
        return true;
    QSqlQuery query(db);
    if (SqlUtil::run(query, dialect.migrationLock, {}, "migrations.lock"))
        return true;
    return fail(failure, QStringLiteral("cannot lock the schema: %1").arg(query.lastError().text()));
}

bool runAfterMigrations(QSqlDatabase& db, const SqlDialect& dialect, QString* failure)
{
    for (const QString& statement : dialect.afterMigrations) {
        QSqlQuery query(db);
        if (!SqlUtil::runUnprepared(query, statement, "migrations.after"))
            return fail(failure, QStringLiteral("cannot install the change feed: %1").arg(query.lastError().text()));
    }
    return true;
}

} // namespace

const std::vector<Migrations::Table>& Migrations::tables()
{
    static const std::vector<Table> list = {
        {"accounts", true},         {"sessions", false},    {"api_tokens", true}, {"oidc_identities", false},
        {"ratelimit_events", true}, {"audit_events", true}, {"settings", false},
    };
    return list;
}

int Migrations::latestVersion()
{
    return steps().back().version;
}

int Migrations::currentVersion(QSqlDatabase& db)
{
    if (!db.isOpen())
        return -1;
    if (!db.tables().contains(QLatin1String("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!SqlUtil::run(query, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"), {},
                      "migrations.currentVersion"))
        return -1;
    return static_cast<int>(SqlUtil::firstInteger(query, "migrations.currentVersion"));
}

bool Migrations::apply(Database& database, const SqlDialect& dialect, QString* error)
{
    QSqlDatabase db = database.connection();
    const int current = Migrations::currentVersion(db);
    QString failure;
    bool ok = current >= 0;
    if (ok && current == 0)
        ok = database.transaction(
            [&](QSqlDatabase& tx) { return lockSchema(tx, dialect, &failure) && createVersionTable(tx, &failure); });
    for (const Step& step : steps()) {
        if (!ok)
            break;
        if (step.version > current)
            ok = database.transaction([&](QSqlDatabase& tx) {
                return lockSchema(tx, dialect, &failure) && applyStep(tx, dialect, step, &failure);
            });
    }
    if (ok && !dialect.afterMigrations.isEmpty())
        ok = database.transaction([&](QSqlDatabase& tx) {
            return lockSchema(tx, dialect, &failure) && runAfterMigrations(tx, dialect, &failure);
        });
    if (!ok && error)
        *error = failure.isEmpty() ? QStringLiteral("the database cannot be opened or written") : failure;
    return ok;
}
