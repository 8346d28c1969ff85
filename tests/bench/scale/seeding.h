#pragma once

#include "instances.h"

#include <QString>

class PostgresServer;

// How many sessions a seeded database holds besides the benchmark's own logins.
struct SeedCounts
{
    qint64 live = 100'000;    // revoked_at = 0, expiring in a day: loaded at start
    qint64 ended = 1'000'000; // revoked a minute ago, not yet expired: never loaded, still stored

    qint64 total() const { return live + ended; }
};

// Brings a target to the state an installation has after its first start: gatehoused creates
// the schema and the admin account, the admin password is set, and gatehoused stops again.
void prepareDatabase(const Target& target, const QProcessEnvironment& environment, const QString& password);

// Inserts the seed sessions of the admin account, one SQL statement per kind, and returns the
// seconds it took. gatehoused must be stopped: the file is opened directly through QtSql.
double seedSqlite(const QString& databaseFile, const SeedCounts& counts, qint64 nowMs);
// The same through psql as the cluster's superuser, then VACUUM ANALYZE of the table.
double seedPostgres(const PostgresServer& cluster, const QString& database, const SeedCounts& counts, qint64 nowMs);
