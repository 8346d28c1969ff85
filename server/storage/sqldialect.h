#pragma once

#include <QString>
#include <QStringList>

// What differs between the database engines Gatehouse runs on, kept in one place so the
// migrations and repositories stay plain, portable SQL (positional `?` placeholders,
// INSERT/UPDATE ... RETURNING, ON CONFLICT, BIGINT times and TEXT): SQLite, the embedded
// default, and PostgreSQL for several instances sharing one database.
struct SqlDialect
{
    QString driver;       // the Qt SQL driver
    QString beginWrite;   // starts a transaction that will write
    QStringList onOpen;   // statements run on every new connection
    QString autoIdColumn; // replaces "{autoid}" in migrations
    QString blobType;     // replaces "{blob}" in migrations
    // Run first in every migration transaction, so that instances starting together apply
    // each step once ("" where beginWrite already locks the whole database).
    QString migrationLock;
    // Statements run after the migrations on every start (idempotent): PostgreSQL's change
    // feed triggers (see PostgresChangeFeed).
    QStringList afterMigrations;
    // A query whose single value changes whenever another connection (another process)
    // commits: SQLite's data_version. "" on PostgreSQL, which notifies (PostgresChangeFeed).
    QString changeCounterQuery;
    // After copying rows with their ids (`gatehoused migrate`): makes the table's next
    // generated id follow the largest copied one ("" where inserting does that already).
    QString resetIdSequence; // "%1" = the table
    // Makes the location ready before the first connection opens it; false on failure.
    bool (*prepareLocation)(const QString& location) = nullptr;

    // `ddl` with the placeholders above replaced by this engine's spelling.
    QString adapt(QLatin1String ddl) const;

    static const SqlDialect& sqlite();
    static const SqlDialect& postgres();
};
