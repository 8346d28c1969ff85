#pragma once

#include "gatehousedprocess.h"
#include "postgres/postgresserver.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// gatehoused instances that share one database of a private PostgreSQL cluster, as a fleet
// would: each with a data directory of its own, all with the same master key file
// (secret_key_file) and the database password in PGPASSWORD, never on a command line.
class PostgresFleet
{
public:
    // Starts the cluster, creates the shared database, writes the shared master key.
    bool setUp(QString* error);
    // setUp(), the admin password `adminPassword` (gatehoused passwd on the shared database),
    // then instances A and B serving it (data directories "a" and "b").
    bool setUpPair(GatehousedProcess& a, GatehousedProcess& b, const QString& adminPassword, QString* error);

    PostgresServer& cluster() { return m_cluster; }
    const QString& databaseName() const { return m_database; }
    QString databaseUrl() const { return m_cluster.url(m_database); } // without the password
    QString keyFile() const { return m_dir.filePath(QStringLiteral("master.key")); }
    // The tests' environment, the password, the shared key; no token bucket (the tests send
    // hundreds of requests a second from one address); loopback trusted as a proxy (a test
    // may speak for another address with X-Forwarded-For); `extra` on top.
    QProcessEnvironment environment(const QProcessEnvironment& extra = {}) const;
    // Serves plain HTTP on the shared database from data directory `name` (created here).
    bool start(GatehousedProcess& instance, const QString& name, const QStringList& extraArgs = {},
               const QProcessEnvironment& extraEnv = {});
    // An administration command on the shared database.
    GatehousedProcess::RunResult command(const QStringList& args, const QByteArray& stdinData = {}) const;

private:
    PostgresServer m_cluster;
    QTemporaryDir m_dir;
    QString m_database;
};
