#include "storage/database.h"

#include "storage/migrations.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

// The connections one Database created, by name, each with the hook on its thread's
// `finished` signal. Whoever takes a name out (the thread ending or ~Database) removes it.
// `generation` counts reconnectAll() calls; each connection remembers the one it was opened in.
struct ConnectionRegistry
{
    QMutex mutex;
    QHash<QString, QMetaObject::Connection> threadHooks;
    QHash<QString, quint64> openedIn;
    std::atomic<quint64> generation{0};
    QString lastOpenError;
};

namespace {

std::atomic<quint64> g_nextDatabaseId{1};
std::atomic<quint64> g_nextThreadSerial{1};

// A number for the calling thread that is never reused (unlike thread ids and QThread
// addresses), so a new thread can never pick up a dead thread's connection by its name.
quint64 threadSerial()
{
    thread_local const quint64 serial = g_nextThreadSerial.fetch_add(1);
    return serial;
}

// Runs in the ending thread, after its work: no QSqlDatabase handle of it is left.
void releaseThreadConnection(ConnectionRegistry& registry, const QString& name)
{
    QMetaObject::Connection hook;
    {
        QMutexLocker lock(&registry.mutex);
        const auto it = registry.threadHooks.constFind(name);
        if (it == registry.threadHooks.cend())
            return; // ~Database removed it already
        hook = it.value();
        registry.threadHooks.erase(it);
        registry.openedIn.remove(name);
    }
    QObject::disconnect(hook);
    QSqlDatabase::removeDatabase(name);
}

bool execPlain(QSqlDatabase& db, const QString& statement, const char* what)
{
    QSqlQuery query(db);
    return SqlUtil::runUnprepared(query, statement, what);
}

// A connection's set-up statement, retried while another process holds the lock: switching
// a new file to WAL needs it exclusively, and SQLite answers that switch with "busy" at once
// instead of waiting (busy_timeout does not apply), so two processes starting together on a
// fresh data directory would otherwise fail. Bounded: one second at most.
bool execSetup(QSqlDatabase& db, const QString& statement)
{
    constexpr int Attempts = 100;
    for (int attempt = 1; attempt < Attempts; ++attempt) {
        QSqlQuery query(db);
        if (query.exec(statement))
            return true;
        const QString code = query.lastError().nativeErrorCode();
        if (code != QLatin1String("5") && code != QLatin1String("6")) // SQLITE_BUSY, SQLITE_LOCKED
            break;
        QThread::msleep(10);
    }
    return execPlain(db, statement, "database.setup"); // the last try reports the error
}

} // namespace

Database::Database(DatabaseLocation location)
    : m_location(std::move(location)),
      m_instanceName(QStringLiteral("gatehoused/") + QString::number(QRandomGenerator::system()->generate64(), 36)),
      m_connectionPrefix(QStringLiteral("gatehouse-%1-").arg(g_nextDatabaseId.fetch_add(1))),
      m_dialect(m_location.engine == DatabaseLocation::Engine::Postgres ? &SqlDialect::postgres()
                                                                        : &SqlDialect::sqlite()),
      m_registry(std::make_shared<ConnectionRegistry>())
{}

Database::Database(const QString& sqlitePath) : Database(DatabaseLocation::sqliteFile(sqlitePath))
{}

Database::~Database()
{
    QHash<QString, QMetaObject::Connection> hooks;
    {
        QMutexLocker lock(&m_registry->mutex);
        hooks.swap(m_registry->threadHooks);
    }
    // removeDatabase() may run in any thread once the connection's handles are gone; the
    // repositories hold none, so the last handle goes with it and the connection closes.
    for (auto it = hooks.cbegin(); it != hooks.cend(); ++it) {
        QObject::disconnect(it.value());
        QSqlDatabase::removeDatabase(it.key());
    }
}

QString Database::connectionName() const
{
    return m_connectionPrefix + QString::number(threadSerial());
}

QSqlDatabase Database::connection()
{
    return dedicatedConnection(QString());
}

QSqlDatabase Database::dedicatedConnection(const QString& purpose)
{
    const QString name = connectionName() + purpose;
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false) : addConnection(name);
    const quint64 generation = m_registry->generation.load();
    bool stale = false;
    {
        QMutexLocker lock(&m_registry->mutex);
        stale = m_registry->openedIn.value(name, generation) != generation;
    }
    if (stale)
        db.close();
    if (!db.isOpen() && open(db)) {
        QMutexLocker lock(&m_registry->mutex);
        m_registry->openedIn.insert(name, generation);
    }
    return db;
}

QString Database::lastOpenError() const
{
    QMutexLocker lock(&m_registry->mutex);
    return m_registry->lastOpenError;
}

void Database::reconnectAll()
{
    m_registry->generation.fetch_add(1);
}

QSqlDatabase Database::addConnection(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driver, name);
    if (m_location.engine == DatabaseLocation::Engine::Sqlite) {
        db.setDatabaseName(m_location.sqlitePath);
    } else {
        db.setHostName(m_location.host);
        db.setPort(m_location.port);
        db.setDatabaseName(m_location.databaseName);
        db.setUserName(m_location.user);
        db.setPassword(m_location.password);
        // A connect that hangs must not hang the server: a few seconds, then the caller
        // answers 503 and the change feed retries. Keep-alives notice a peer that vanished.
        // The location's own options come last, so an operator's choice wins.
        db.setConnectOptions(QStringLiteral("connect_timeout=5 keepalives_idle=10 keepalives_interval=3 "
                                            "keepalives_count=3 application_name='%1' %2")
                                 .arg(m_instanceName, m_location.connectOptions));
    }
    // A thread that ends gives its connection back; the main thread's goes with ~Database.
    const std::shared_ptr<ConnectionRegistry> registry = m_registry;
    const auto release = [registry, name] { releaseThreadConnection(*registry, name); };
    const QMetaObject::Connection hook = QObject::connect(QThread::currentThread(), &QThread::finished, release);
    QMutexLocker lock(&m_registry->mutex);
    m_registry->threadHooks.insert(name, hook);
    return db;
}

bool Database::open(QSqlDatabase& db)
{
    if (m_dialect->prepareLocation && !m_dialect->prepareLocation(m_location.sqlitePath))
        return false;
    if (!db.open()) {
        qCWarning(lcStorage).noquote() << "cannot open the database" << m_location.displayName() << ":"
                                       << db.lastError().text();
        QMutexLocker lock(&m_registry->mutex);
        m_registry->lastOpenError = db.lastError().databaseText().section(u'\n', 0, 0).trimmed();
        return false;
    }
    for (const QString& statement : m_dialect->onOpen) {
        if (!execSetup(db, statement)) {
            db.close();
            return false;
        }
    }
    return true;
}

bool Database::migrate(QString* error)
{
    return Migrations::apply(*this, *m_dialect, error);
}

int Database::schemaVersion()
{
    QSqlDatabase db = connection();
    return Migrations::currentVersion(db);
}

bool Database::transaction(const std::function<bool(QSqlDatabase&)>& work)
{
    QSqlDatabase db = connection();
    if (!db.isOpen() || !execPlain(db, m_dialect->beginWrite, "database.begin"))
        return false;
    const bool committed = work(db) && execPlain(db, QStringLiteral("COMMIT"), "database.commit");
    if (!committed)
        execPlain(db, QStringLiteral("ROLLBACK"), "database.rollback");
    return committed;
}

qint64 Database::externalChangeCounter()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return -1;
    QSqlQuery query(db);
    if (!SqlUtil::run(query, m_dialect->changeCounterQuery, {}, "database.changeCounter") || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool Database::isReachable()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    return SqlUtil::run(query, QStringLiteral("SELECT 1"), {}, "database.ping") && query.next();
}
