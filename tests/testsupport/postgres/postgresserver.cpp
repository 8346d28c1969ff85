#include "postgresserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>

#include <arpa/inet.h>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int MaxPortAttempts = 3;
constexpr int InitdbTimeoutMs = 120'000;
constexpr int ReadyTimeoutMs = 30'000;
constexpr int PollIntervalMs = 50;
constexpr int FastShutdownTimeoutMs = 10'000;
constexpr int PsqlTimeoutMs = 120'000;
constexpr int LogTailLines = 20;

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

// The newest installed major version 15 if there is one (what production runs), else the newest.
QString findBinDirectory()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QString best;
    int bestVersion = -1;
    for (const QString& version : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = root.filePath(version + QStringLiteral("/bin"));
        if (!QFileInfo(bin + QStringLiteral("/postgres")).isExecutable())
            continue;
        const int number = version == QStringLiteral("15") ? 1'000'000 : version.toInt();
        if (number > bestVersion) {
            best = bin;
            bestVersion = number;
        }
    }
    return best;
}

// The kernel's choice of a free port, released at once for postgres to bind a moment later; the
// caller retries with another if someone else took it in between.
quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// The caller's PG* variables (PGHOST, PGDATA, PGPASSFILE, ...) would point the tools at another
// cluster or change how they connect, so none are passed on. The C locale keeps messages in
// English, which start() reads to recognise a taken port.
QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList names = environment.keys();
    for (const QString& name : names) {
        if (name.startsWith(QStringLiteral("PG")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return environment;
}

// Random per cluster, so that clients go through SCRAM over TCP as they do in production, and a
// test that forgets to pass the password fails instead of passing by luck.
QString randomPassword()
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof(words)).toHex());
}

bool writePrivateFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(content) == content.size();
}

} // namespace

PostgresServer::PostgresServer()
    : m_binDir(findBinDirectory()), m_password(randomPassword()),
      m_dir(QDir::temp().filePath(QStringLiteral("gatehouse-pg-XXXXXX")))
{
    m_postmaster.setProcessChannelMode(QProcess::MergedChannels);
    m_postmaster.setStandardInputFile(QProcess::nullDevice());
}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::user() const
{
    return QStringLiteral("gatehouse");
}

bool PostgresServer::start(QString* error)
{
    if (isRunning())
        return true;
    if (!m_initialized && !initialize(error))
        return false;
    QString attemptError;
    for (int attempt = 0; attempt < MaxPortAttempts; ++attempt) {
        if (!m_portKept)
            m_port = freeLoopbackPort();
        switch (startOnce(&attemptError)) {
        case Attempt::Started:
            m_portKept = true;
            return true;
        case Attempt::Failed:
            setError(error, attemptError);
            return false;
        case Attempt::PortTaken:
            if (m_portKept) { // restart() promises the same port: there is no other to try
                setError(error, attemptError);
                return false;
            }
            break;
        }
    }
    setError(error,
             QStringLiteral("no free port after %1 attempts; the last: %2")
                 .arg(QString::number(MaxPortAttempts), attemptError));
    return false;
}

bool PostgresServer::stop(QString* error)
{
    if (!isRunning())
        return true;
    // SIGINT is the fast shutdown: open sessions are ended and the server stops at once. SIGTERM
    // (QProcess::terminate) would wait for clients a test may still hold.
    ::kill(pid_t(m_postmaster.processId()), SIGINT);
    if (m_postmaster.waitForFinished(FastShutdownTimeoutMs))
        return true;
    // The backends notice the postmaster's death on their own and exit.
    m_postmaster.kill();
    m_postmaster.waitForFinished(FastShutdownTimeoutMs);
    setError(error, QStringLiteral("postgres ignored a fast shutdown for 10 s and was killed"));
    return false;
}

bool PostgresServer::restart(QString* error)
{
    stop(error);
    return start(error);
}

bool PostgresServer::isRunning() const
{
    // A look at the child with no wait: the state is otherwise only updated by the event loop,
    // which a test may not run, so a crashed server would still look alive.
    m_postmaster.waitForFinished(0);
    return m_postmaster.state() != QProcess::NotRunning;
}

QString PostgresServer::createDatabase(QString* error)
{
    const QString name = QStringLiteral("gatehouse_%1").arg(++m_databases);
    if (!psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(name, user()), error))
        return {};
    return name;
}

QString PostgresServer::url(const QString& database) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user(), QString::number(m_port), database);
}

QString PostgresServer::urlWithPassword(const QString& database) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(user(), m_password, QString::number(m_port), database);
}

std::optional<QString> PostgresServer::psql(const QString& database, const QString& sql, QString* error) const
{
    // The password goes in psql's environment only: on the command line every user would see it.
    QProcess process;
    QProcessEnvironment environment = toolEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), m_password);
    environment.insert(QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8"));
    environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    process.setProcessEnvironment(environment);
    const QStringList arguments = {QStringLiteral("-h"),
                                   QStringLiteral("127.0.0.1"),
                                   QStringLiteral("-p"),
                                   QString::number(m_port),
                                   QStringLiteral("-U"),
                                   user(),
                                   QStringLiteral("-d"),
                                   database,
                                   QStringLiteral("-XAtq"),
                                   QStringLiteral("-v"),
                                   QStringLiteral("ON_ERROR_STOP=1"),
                                   QStringLiteral("-c"),
                                   sql};
    QString failure;
    if (!runTool(process, QStringLiteral("psql"), arguments, PsqlTimeoutMs, &failure)) {
        setError(error,
                 QStringLiteral("%1 (database %2): %3")
                     .arg(failure, database, QString::fromUtf8(process.readAllStandardError()).trimmed()));
        return std::nullopt;
    }
    QString output = QString::fromUtf8(process.readAllStandardOutput());
    if (output.endsWith(u'\n'))
        output.chop(1);
    return output;
}

bool PostgresServer::initialize(QString* error)
{
    if (m_binDir.isEmpty()) {
        setError(error, QStringLiteral("no PostgreSQL server under /usr/lib/postgresql/*/bin"));
        return false;
    }
    if (!m_dir.isValid()) {
        setError(error, QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString());
        return false;
    }
    if (::geteuid() == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        const group* nogroup = ::getgrnam("nogroup");
        if (!nobody) {
            setError(error, QStringLiteral("running as root, and there is no user nobody to run postgres as"));
            return false;
        }
        m_switchUser = true;
        m_uid = nobody->pw_uid;
        m_gid = nogroup ? nogroup->gr_gid : nobody->pw_gid;
        // nobody must reach the directory through every parent: a TMPDIR under /root would not do.
        for (QDir parent(QFileInfo(m_dir.path()).absolutePath()); !parent.isRoot(); parent.cdUp()) {
            if (!(QFileInfo(parent.path()).permissions() & QFileDevice::ExeOther)) {
                setError(error,
                         QStringLiteral("user nobody cannot enter %1; set TMPDIR to a directory all may "
                                        "enter, such as /tmp")
                             .arg(parent.path()));
                return false;
            }
        }
    }
    const QString passwordFile = path(QStringLiteral("password"));
    if (!giveToServerUser(m_dir.path(), error) || !writePrivateFile(passwordFile, m_password.toUtf8())
        || !giveToServerUser(passwordFile, error))
        return false;

    QProcess initdb;
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    prepareServerProcess(initdb);
    const QStringList arguments = {QStringLiteral("-D"),
                                   dataDirectory(),
                                   QStringLiteral("-U"),
                                   user(),
                                   QStringLiteral("--auth-local=trust"),
                                   QStringLiteral("--auth-host=scram-sha-256"),
                                   QStringLiteral("--pwfile=") + passwordFile,
                                   QStringLiteral("-E"),
                                   QStringLiteral("UTF8"),
                                   QStringLiteral("--no-sync"),
                                   QStringLiteral("--locale=C")};
    QString failure;
    const bool ok = runTool(initdb, QStringLiteral("initdb"), arguments, InitdbTimeoutMs, &failure);
    QFile::remove(passwordFile); // the cluster holds it (as a SCRAM verifier) from now on
    if (!ok) {
        const QStringList lines = QString::fromUtf8(initdb.readAll()).trimmed().split(u'\n');
        setError(error, failure + u'\n' + lines.mid(qMax(0, lines.size() - LogTailLines)).join(u'\n'));
        return false;
    }
    // postgres writes its own log to standard error; the file is created here (by the parent) and
    // given to the server's user so that, as root, everything in the directory is nobody's.
    if (!writePrivateFile(path(QStringLiteral("postgres.log")), {})
        || !giveToServerUser(path(QStringLiteral("postgres.log")), error))
        return false;
    m_initialized = true;
    return true;
}

PostgresServer::Attempt PostgresServer::startOnce(QString* error)
{
    if (m_port == 0) {
        setError(error, QStringLiteral("no free port on 127.0.0.1"));
        return Attempt::Failed;
    }
    const QString log = path(QStringLiteral("postgres.log"));
    const qint64 logStart = QFileInfo(log).size();
    prepareServerProcess(m_postmaster);
    m_postmaster.setStandardOutputFile(log, QIODevice::Append);
    // Started directly, not through pg_ctl: only a direct child gets the death signal.
    m_postmaster.start(
        m_binDir + QStringLiteral("/postgres"),
        {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"),
         m_dir.path(), QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
         QStringLiteral("fsync=off"), QStringLiteral("-c"), QStringLiteral("full_page_writes=off"),
         QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
         QStringLiteral("max_connections=100"), QStringLiteral("-c"), QStringLiteral("shared_buffers=16MB")});
    if (m_postmaster.waitForStarted() && waitUntilReady())
        return Attempt::Started;

    const QString processError =
        m_postmaster.error() == QProcess::FailedToStart ? m_postmaster.errorString() + u'\n' : QString();
    stop();
    QFile file(log);
    if (file.open(QIODevice::ReadOnly) && file.seek(logStart) && file.readAll().contains("Address already in use")) {
        setError(error, QStringLiteral("port %1 was taken:\n%2").arg(QString::number(m_port), logTail(LogTailLines)));
        return Attempt::PortTaken;
    }
    setError(error,
             QStringLiteral("postgres did not start on port %1 (log in %2):\n%3%4")
                 .arg(QString::number(m_port), log, processError, logTail(LogTailLines)));
    return Attempt::Failed;
}

// Ready means our own postmaster says so in its pid file (as pg_ctl checks) and a client gets in
// over TCP. The pid file alone could be stale; the TCP check alone could reach another server
// that took the port while ours is about to fail.
bool PostgresServer::waitUntilReady() const
{
    const QDeadlineTimer deadline(ReadyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (postmasterReady() && acceptsConnections())
            return true;
        // The wait for an exit doubles as the pause between looks.
        if (m_postmaster.state() == QProcess::NotRunning || m_postmaster.waitForFinished(PollIntervalMs))
            return false;
    }
    return false;
}

bool PostgresServer::postmasterReady() const
{
    QFile file(dataDirectory() + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // Line 1 is the postmaster's pid, line 8 its status ("ready" once it accepts connections).
    const QList<QByteArray> lines = file.readAll().split('\n');
    return lines.size() >= 8 && lines.at(0).trimmed() == QByteArray::number(m_postmaster.processId())
        && lines.at(7).trimmed() == "ready";
}

bool PostgresServer::acceptsConnections() const
{
    QProcess isReady;
    isReady.setProcessEnvironment(toolEnvironment());
    return runTool(isReady, QStringLiteral("pg_isready"),
                   {QStringLiteral("-q"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                    QString::number(m_port), QStringLiteral("-U"), user(), QStringLiteral("-d"),
                    QStringLiteral("postgres"), QStringLiteral("-t"), QStringLiteral("5")},
                   10'000);
}

// True when the tool ran to completion with exit code 0, else false and what went wrong in
// *failure; killed after `timeoutMs`.
bool PostgresServer::runTool(QProcess& process, const QString& tool, const QStringList& arguments, int timeoutMs,
                             QString* failure) const
{
    process.start(m_binDir + u'/' + tool, arguments);
    if (!process.waitForStarted()) {
        setError(failure, QStringLiteral("%1 did not start: %2").arg(tool, process.errorString()));
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        setError(failure, QStringLiteral("%1 was killed after %2 s").arg(tool, QString::number(timeoutMs / 1000)));
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        setError(failure, QStringLiteral("%1 crashed").arg(tool));
        return false;
    }
    if (process.exitCode() == 0)
        return true;
    setError(failure, QStringLiteral("%1 exited with code %2").arg(tool, QString::number(process.exitCode())));
    return false;
}

// initdb and postgres: a clean environment, the directory as home and working directory, and in
// the child (between fork and exec) the switch to nobody and the death signal.
void PostgresServer::prepareServerProcess(QProcess& process) const
{
    QProcessEnvironment environment = toolEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir.path());
    const bool switchUser = m_switchUser;
    const uid_t uid = m_uid;
    const gid_t gid = m_gid;
    const pid_t parent = ::getpid();
    // Only async-signal-safe calls here: the child of a threaded process may have nothing else.
    process.setChildProcessModifier([switchUser, uid, gid, parent] {
        if (switchUser && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
            static const char message[] = "PostgresServer: cannot switch to user nobody\n";
            [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof(message) - 1);
            ::_exit(126);
        }
        // After the switch: changing credentials clears the death signal. SIGQUIT is postgres's
        // immediate shutdown, which takes its own children down too. The signal follows the
        // thread that forked, hence the main-thread advice in the header.
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
        if (::getppid() != parent) // the test died before the signal was armed
            ::_exit(1);
    });
}

bool PostgresServer::giveToServerUser(const QString& path, QString* error) const
{
    if (!m_switchUser || ::chown(QFile::encodeName(path).constData(), m_uid, m_gid) == 0)
        return true;
    setError(error,
             QStringLiteral("cannot give %1 to user nobody: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    return false;
}

QString PostgresServer::path(const QString& name) const
{
    return m_dir.filePath(name);
}

QString PostgresServer::dataDirectory() const
{
    return path(QStringLiteral("data"));
}

QString PostgresServer::logTail(int lines) const
{
    QFile file(path(QStringLiteral("postgres.log")));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log)");
    const QStringList all = QString::fromUtf8(file.readAll()).trimmed().split(u'\n');
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}
