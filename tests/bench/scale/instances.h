#pragma once

#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/httpclient.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include <sched.h>

// Pins the calling thread to one core for as long as it lives, and puts the previous set back
// afterwards. QProcess forks from the calling thread and a child inherits that thread's
// affinity, so a gatehoused, nginx or postgres started inside the scope runs on that core with
// every thread it ever creates, as `taskset -c N` would start it. core < 0 pins nothing.
class ThreadPin
{
public:
    explicit ThreadPin(int core);
    ~ThreadPin();
    ThreadPin(const ThreadPin&) = delete;
    ThreadPin& operator=(const ThreadPin&) = delete;

private:
    cpu_set_t m_previous;
    bool m_pinned = false;
};

// The cores a running process may use, as the kernel reports them ("0", "0-1"), to show in
// the report that the pinning took.
QString allowedCores(qint64 pid);
// User + system CPU time of a whole process (every thread), in clock ticks.
qint64 cpuTicks(qint64 pid);
double clockTicksPerSecond();

// One gatehoused configuration: a data directory of its own and, for PostgreSQL, a database.
struct Target
{
    QString name;        // as the report names it: "sqlite seeded", ...
    QString dataDir;     // created by Instance::start when missing
    QString databaseUrl; // empty: SQLite in dataDir/gatehouse.db
    QString databaseName;

    bool isPostgres() const { return !databaseUrl.isEmpty(); }
};

// The environment every instance gets, as tests/bench/run.sh sets it: the file key store, no
// token bucket and no login lock-out (a benchmark's load is not an attack). For PostgreSQL the
// database password and the master key file every instance of one database must share.
QProcessEnvironment benchEnvironment(const QString& postgresPassword = {}, const QString& keyFile = {});

// A gatehoused child serving plain HTTP on an ephemeral port of 127.0.0.1, and the few calls
// the benchmark makes to it. Every failure throws BenchFailure; the destructor kills a process
// still running.
class Instance
{
public:
    Instance(const Target& target, const QProcessEnvironment& environment);

    // Starts it with its threads on `core` (-1: anywhere) and returns the milliseconds from
    // the start of the process to its serving line.
    double start(int core);
    // SIGTERM and waits; a server that needs a SIGKILL is a finding, so it throws.
    void stop();

    const Target& target() const { return m_target; }
    GatehousedProcess& process() { return m_process; }
    qint64 pid() const { return m_process.pid(); }
    QString url(const QString& path = {}) const { return m_process.url(path); }
    QString address() const; // "127.0.0.1:PORT", as an nginx upstream names it
    // How many sessions it loaded at start, from its "N live sessions" log line; -1 if absent.
    qint64 loggedLiveSessions();

    // PUT /flex/auth/password on a fresh database (open until a password is set).
    void setAdminPassword(const QString& password);
    // POST /flex/auth/login; returns the bearer token once GET /flex/auth/session accepts it.
    QByteArray flexLogin(const QString& password);
    // POST /api/auth/login as admin, then POST /api/tokens; returns the token's secret.
    QByteArray createApiToken(const QString& password, const QString& name);

private:
    Target m_target;
    QProcessEnvironment m_environment;
    GatehousedProcess m_process;
    HttpClient m_http;
};
