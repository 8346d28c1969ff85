#pragma once

#include "postgres/postgresserver.h"
#include "storage/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A migrated database of its own, removed with this object: the storage unit tests' fixture.
// SQLite in a temporary directory by default; with GATEHOUSE_TEST_ENGINE=postgresql a new
// database in this test process's private PostgreSQL cluster, so the same tests run against
// both engines (ctest registers each storage test twice). Header-only, so a unit test links
// nothing but its module (and, for PostgreSQL, the cluster).
class TempDatabase
{
public:
    TempDatabase()
    {
        if (qEnvironmentVariable("GATEHOUSE_TEST_ENGINE") == QLatin1String("postgresql"))
            openPostgres();
        else if (m_dir.isValid())
            m_database = std::make_unique<Database>(path());
        else
            m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
        if (m_database)
            m_ready = m_database->migrate(&m_error);
    }

    bool ready() const { return m_ready; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.filePath(QStringLiteral("gatehouse.db")); }
    Database& database() { return *m_database; }

    // The cluster of this process, started on first use, stopped and removed at its exit.
    static PostgresServer& cluster()
    {
        static PostgresServer server;
        return server;
    }

private:
    void openPostgres()
    {
        PostgresServer& server = cluster();
        if (!server.isRunning() && !server.start(&m_error))
            return;
        const QString name = server.createDatabase(&m_error);
        if (name.isEmpty())
            return;
        QString invalid;
        if (const auto location = DatabaseLocation::parse(server.urlWithPassword(name), &invalid))
            m_database = std::make_unique<Database>(*location);
        else
            m_error = invalid;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database; // closed before the directory goes
    QString m_error;
    bool m_ready = false;
};
