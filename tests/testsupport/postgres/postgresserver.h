#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <optional>

// A PostgreSQL cluster of one test process's own: initdb into a temporary directory, postgres on a
// free loopback port, removed with this object. The binaries are Debian's, the newest 15 (else
// the newest) under /usr/lib/postgresql/*/bin. Clients reach it over TCP as user() with
// password() (SCRAM); the unix socket in the temporary directory trusts local users.
//
// initdb and postgres refuse to run as root, so as root (CI) they run as nobody:nogroup and the
// directory is theirs. The postmaster is a direct child that gets SIGQUIT (immediate shutdown)
// when the thread that started it dies, so a crashed or killed test leaves no server behind:
// create and start it on the test's main thread. Settings favour speed over durability (fsync
// off): a cluster lives only as long as one test process.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer(); // stops the server (fast shutdown, then SIGKILL after 10 s) and removes the directory

    // initdb (first time only), start postgres, and wait until it accepts connections (at most ~30 s).
    bool start(QString* error);
    // Fast shutdown (SIGINT to the postmaster: clients are disconnected), then waits; SIGKILL after 10 s.
    bool stop(QString* error = nullptr);
    // stop() then start() on the same port and data directory (tests of reconnecting clients).
    bool restart(QString* error);
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString user() const;                           // the superuser, "gatehouse"
    QString password() const { return m_password; } // random per cluster

    // Creates a new empty database owned by user(); returns its name ("" and *error on failure).
    // Names are unique per cluster: gatehouse_1, gatehouse_2, ...
    QString createDatabase(QString* error);
    // postgresql://gatehouse@127.0.0.1:PORT/NAME, without the password (pass it in PGPASSWORD).
    QString url(const QString& database) const;
    // postgresql://gatehouse:PASSWORD@127.0.0.1:PORT/NAME
    QString urlWithPassword(const QString& database) const;
    // Runs SQL through psql (-XAtq, ON_ERROR_STOP) as the superuser on `database`; returns its
    // standard output without the final newline (rows on lines, columns split by '|'), nullopt
    // and *error (psql's messages) on failure.
    std::optional<QString> psql(const QString& database, const QString& sql, QString* error = nullptr) const;

private:
    enum class Attempt {
        Started,
        PortTaken,
        Failed
    };

    bool initialize(QString* error);
    Attempt startOnce(QString* error);
    bool waitUntilReady() const;
    bool postmasterReady() const;
    bool acceptsConnections() const;
    bool runTool(QProcess& process, const QString& tool, const QStringList& arguments, int timeoutMs,
                 QString* failure = nullptr) const;
    void prepareServerProcess(QProcess& process) const;
    bool giveToServerUser(const QString& path, QString* error) const;
    QString path(const QString& name) const;
    QString dataDirectory() const;
    QString logTail(int lines) const;

    QString m_binDir;
    QString m_password;
    QTemporaryDir m_dir;
    // Declared after m_dir, so it goes first. Mutable because looking at a child's state means
    // collecting its exit, which QProcess counts as a change.
    mutable QProcess m_postmaster;
    quint16 m_port = 0;
    bool m_portKept = false; // after the first successful start the port never changes
    bool m_initialized = false;
    int m_databases = 0;
    // As root: who initdb and postgres run as.
    bool m_switchUser = false;
    uint m_uid = 0;
    uint m_gid = 0;
};
