#pragma once

#include "values/databaselocation.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

struct ConnectionRegistry;
struct SqlDialect;

// The database behind every repository. Each thread that touches it gets its own named
// QSqlDatabase connection (Qt's rule), opened on first use. SQLite runs in WAL mode with
// synchronous=FULL, so a write that was committed before a response survives a crash or
// a power cut. On PostgreSQL every connection carries this process's instance name as its
// application_name, which the change feed uses to tell its own changes from others'.
class Database
{
public:
    explicit Database(DatabaseLocation location);
    explicit Database(const QString& sqlitePath); // the embedded default

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

    // Every connection opened before this call is closed and opened again when its thread
    // next asks for it: after the server went away, a driver's handle stays "open" but dead.
    void reconnectAll();
    // A connection of its own for the calling thread, beside connection(): the change feed
    // listens on it. Closed with this object or its thread.
    QSqlDatabase dedicatedConnection(const QString& purpose);

    const DatabaseLocation& location() const { return m_location; }
    // Why the last connection that failed to open did, in one line ("" if none failed): for
    // a command's one-line error, since the log may be silenced there.
    QString lastOpenError() const;
    const SqlDialect& dialect() const { return *m_dialect; }
    // The application_name of this object's PostgreSQL connections ("gatehoused/<random>").
    const QString& instanceName() const { return m_instanceName; }

private:
    QString connectionName() const;
    QSqlDatabase addConnection(const QString& name);
    bool open(QSqlDatabase& db);

    DatabaseLocation m_location;
    QString m_instanceName;
    QString m_connectionPrefix;
    const SqlDialect* m_dialect;
    // Shared with the threads' `finished` hooks, which may run after this object is gone.
    std::shared_ptr<ConnectionRegistry> m_registry;
};
