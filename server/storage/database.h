#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

struct ConnectionRegistry;
struct SqlDialect;

// The database behind every repository. Each thread that touches it gets its own named
// QSqlDatabase connection (Qt's rule), opened on first use. SQLite runs in WAL mode with
// synchronous=FULL, so a write that was committed before a response survives a crash or
// a power cut. PostgreSQL arrives later behind the same interface.
class Database
{
public:
    // `location` is a SQLite file path (the embedded default).
    explicit Database(QString location);
    ~Database(); // closes and removes this object's connections
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The calling thread's connection, opened on first use. isOpen() false on failure.
    QSqlDatabase connection();

    // Brings the schema to the newest version (the `schema_version` table), each step in
    // its own transaction. Safe to call on every start and from several processes.
    bool migrate(QString* error);
    int schemaVersion(); // -1 if it cannot be read

    // Runs `work` inside one transaction on the calling thread's connection; commits when
    // it returns true, rolls back otherwise (or if the commit fails). Returns whether it committed.
    // Transactions do not nest: inside `work`, use the repositories' static variants on `db`.
    bool transaction(const std::function<bool(QSqlDatabase&)>& work);

    // A cheap round trip ("SELECT 1"), for /flex/healthz.
    bool isReachable();

    // A number that changes when another process (the administration commands, a second
    // instance) commits to the database; -1 if it cannot be read. Cheap enough to poll.
    qint64 externalChangeCounter();

    const QString& location() const { return m_location; }

private:
    QString connectionName() const;
    QSqlDatabase addConnection(const QString& name);
    bool open(QSqlDatabase& db);

    QString m_location;
    QString m_connectionPrefix;
    const SqlDialect* m_dialect;
    // Shared with the threads' `finished` hooks, which may run after this object is gone.
    std::shared_ptr<ConnectionRegistry> m_registry;
};
