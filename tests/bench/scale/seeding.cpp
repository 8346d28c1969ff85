#include "seeding.h"

#include "benchfailure.h"
#include "tests/testsupport/postgres/postgresserver.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 DayMs = 86'400'000;
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 MinuteMs = 60'000;
const QString SqliteConnection = u"bench-scale-seed"_s;

enum class Engine {
    Sqlite,
    Postgres
};

// One INSERT ... SELECT of `count` rows numbered 1..count: SQLite counts with a recursive CTE,
// PostgreSQL with generate_series. Live sessions expire in a day; ended ones were revoked a
// minute ago and expire in a day too, so they stay in the table (a purge removes only sessions
// that ended long ago) while the start-up query, revoked_at = 0 AND expires_at > now, must
// step over them. last_seen_at is the creation time, as for a session never used since.
QString insertStatement(Engine engine, const QString& prefix, qint64 count, qint64 accountId, qint64 createdAt,
                        qint64 expiresAt, qint64 revokedAt)
{
    const QString columns = u"INSERT INTO sessions (id, account_id, dialect, client_ip, user_agent, created_at, "
                            "expires_at, last_seen_at, revoked_at, refresh_hash) "_s;
    const QString values = u"SELECT '%1' || x, %2, 'flex', '10.0.0.1', 'bench', %3, %4, %3, %5, NULL "_s.arg(
        prefix, QString::number(accountId), QString::number(createdAt), QString::number(expiresAt),
        QString::number(revokedAt));
    if (engine == Engine::Sqlite)
        return u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "_s.arg(count) + columns
            + values + u"FROM c"_s;
    return columns + values + u"FROM generate_series(1, %1) AS c(x)"_s.arg(count);
}

QString liveStatement(Engine engine, const SeedCounts& counts, qint64 accountId, qint64 nowMs)
{
    return insertStatement(engine, u"seed-live-"_s, counts.live, accountId, nowMs, nowMs + DayMs, 0);
}

QString endedStatement(Engine engine, const SeedCounts& counts, qint64 accountId, qint64 nowMs)
{
    return insertStatement(engine, u"seed-ended-"_s, counts.ended, accountId, nowMs - HourMs, nowMs + DayMs,
                           nowMs - MinuteMs);
}

QString thousands(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

void execSqlite(QSqlQuery& query, const QString& statement)
{
    if (!query.exec(statement))
        throw BenchFailure(u"sqlite: %1: %2"_s.arg(statement.left(120), query.lastError().text()));
}

// The SQLite part, in a scope of its own: QSqlDatabase::removeDatabase wants every handle of
// the connection gone first.
void seedSqliteFile(const QString& databaseFile, const SeedCounts& counts, qint64 nowMs)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, SqliteConnection);
    database.setDatabaseName(databaseFile);
    if (!database.open())
        throw BenchFailure(u"cannot open %1: %2"_s.arg(databaseFile, database.lastError().text()));
    QSqlQuery query(database);
    // A bulk load into a scratch file: a rollback journal (the pages it saves are the few of
    // an empty table) and no fsync, instead of a WAL as large as the table. gatehoused puts
    // its own WAL mode and synchronous setting back whenever it opens the file.
    execSqlite(query, u"PRAGMA journal_mode = DELETE"_s);
    execSqlite(query, u"PRAGMA synchronous = OFF"_s);
    execSqlite(query, u"SELECT id FROM accounts WHERE username = 'admin'"_s);
    if (!query.next())
        throw BenchFailure(u"no admin account in %1"_s.arg(databaseFile));
    const qint64 adminId = query.value(0).toLongLong();
    execSqlite(query, liveStatement(Engine::Sqlite, counts, adminId, nowMs));
    execSqlite(query, endedStatement(Engine::Sqlite, counts, adminId, nowMs));
    query.finish();
    database.close();
}

} // namespace

void prepareDatabase(const Target& target, const QProcessEnvironment& environment, const QString& password)
{
    Instance instance(target, environment);
    instance.start(-1);
    instance.setAdminPassword(password);
    instance.stop();
}

double seedSqlite(const QString& databaseFile, const SeedCounts& counts, qint64 nowMs)
{
    progress(u"seeding %1 sessions into sqlite (%2 live, %3 ended)..."_s.arg(
        thousands(counts.total()), thousands(counts.live), thousands(counts.ended)));
    QElapsedTimer timer;
    timer.start();
    seedSqliteFile(databaseFile, counts, nowMs);
    QSqlDatabase::removeDatabase(SqliteConnection);
    const double seconds = double(timer.elapsed()) / 1000.0;
    progress(u"  sqlite seeded in %1 s"_s.arg(seconds, 0, 'f', 1));
    return seconds;
}

double seedPostgres(const PostgresServer& cluster, const QString& database, const SeedCounts& counts, qint64 nowMs)
{
    progress(u"seeding %1 sessions into postgresql (%2 live, %3 ended)..."_s.arg(
        thousands(counts.total()), thousands(counts.live), thousands(counts.ended)));
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto admin = cluster.psql(database, u"SELECT id FROM accounts WHERE username = 'admin'"_s, &error);
    if (!admin || admin->isEmpty())
        throw BenchFailure(u"no admin account in postgresql database %1: %2"_s.arg(database, error));
    const qint64 adminId = admin->toLongLong();
    // session_replication_role = replica skips the row triggers for this one connection:
    // gatehoused's trigger would queue a notification per row (a million of them, delivered at
    // commit to nobody, since no instance runs) and the foreign key check would look the admin
    // up a million times. Both are the cost of a bulk load, not of what the benchmark measures.
    const QString load = u"SET session_replication_role = replica; "_s
        + liveStatement(Engine::Postgres, counts, adminId, nowMs) + u"; "_s
        + endedStatement(Engine::Postgres, counts, adminId, nowMs);
    if (!cluster.psql(database, load, &error))
        throw BenchFailure(u"postgresql seeding failed: "_s + error);
    const double insertSeconds = double(timer.elapsed()) / 1000.0;
    // What autovacuum would have done to a table that grew over months: planner statistics and
    // the visibility map, so the start-up query is planned and run as on a settled database.
    if (!cluster.psql(database, u"VACUUM ANALYZE sessions"_s, &error))
        throw BenchFailure(u"VACUUM ANALYZE sessions failed: "_s + error);
    const double seconds = double(timer.elapsed()) / 1000.0;
    progress(u"  postgresql seeded in %1 s (insert %2 s, VACUUM ANALYZE %3 s)"_s.arg(
        QString::number(seconds, 'f', 1), QString::number(insertSeconds, 'f', 1),
        QString::number(seconds - insertSeconds, 'f', 1)));
    return seconds;
}
