#include "storage/postgreschangefeed.h"

#include "storage/database.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"
#include "values/monotonicclock.h"

#include <QDeadlineTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace {
const QString kChannel = QStringLiteral("gatehouse_changes");
const QString kPurpose = QStringLiteral("-feed");
constexpr int ConfirmEveryMs = 1000;
constexpr int MaxRetryMs = 5000;
} // namespace

// The part that runs in the feed's thread: the connection, its subscription, the timer.
class FeedListener : public QObject
{
public:
    FeedListener(Database& database, PostgresChangeFeed& feed) : m_database(database), m_feed(feed), m_timer(this)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &FeedListener::tick);
    }

    void begin() { tick(); }

    void end()
    {
        m_timer.stop();
        QSqlDatabase db = m_database.dedicatedConnection(kPurpose);
        if (db.isOpen())
            db.driver()->unsubscribeFromNotification(kChannel);
        db.close();
    }

private:
    void tick()
    {
        if (m_feed.m_listening.load() ? confirm() : subscribe()) {
            m_feed.m_confirmedAt.store(monotonicMs());
            m_retryMs = ConfirmEveryMs;
        } else {
            m_retryMs = qMin(m_retryMs * 2, MaxRetryMs);
        }
        m_timer.start(m_feed.m_listening.load() ? ConfirmEveryMs : m_retryMs);
    }

    // The backend serving this connection, or 0 when there is none. The driver reopens a
    // connection it found broken on its next use without a word, and a new backend listens to
    // nothing: a changed process id is a loss as much as an error is.
    qint64 backendPid(QSqlDatabase& db)
    {
        QSqlQuery query(db);
        if (!db.isOpen() || !query.exec(QStringLiteral("SELECT pg_backend_pid()")) || !query.next())
            return 0;
        return query.value(0).toLongLong();
    }

    bool confirm()
    {
        QSqlDatabase db = m_database.dedicatedConnection(kPurpose);
        if (backendPid(db) == m_backendPid)
            return true;
        qCWarning(lcStorage).noquote() << "lost the database connection of the change feed:" << db.lastError().text()
                                       << "- changes of other instances go unheard until it listens again";
        db.close(); // forgets the subscription of the old backend
        m_feed.m_listening.store(false);
        m_hadLoss = true;
        m_database.reconnectAll(); // every thread's connection is as likely dead as this one
        return false;
    }

    bool subscribe()
    {
        QSqlDatabase db = m_database.dedicatedConnection(kPurpose);
        m_backendPid = backendPid(db);
        if (m_backendPid == 0)
            return false;
        QSqlDriver* driver = db.driver();
        if (!driver->subscribedToNotifications().contains(kChannel) && !driver->subscribeToNotification(kChannel)) {
            qCWarning(lcStorage).noquote() << "cannot listen to" << kChannel << ":" << driver->lastError().text();
            db.close();
            return false;
        }
        if (!m_deliveryConnected) { // the driver object outlives a close and a reopen
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                        if (name == kChannel)
                            deliver(payload.toString());
                    });
            m_deliveryConnected = true;
        }
        m_feed.m_listening.store(true);
        if (m_hadLoss) {
            qCWarning(lcStorage) << "the change feed listens again; every cache is reloaded before it is trusted";
            emit m_feed.resynced();
        }
        return true;
    }

    // "<table> <key> <origin>"; an instance's own changes are already in its caches.
    void deliver(const QString& payload)
    {
        const QString origin = payload.section(u' ', 2);
        if (origin == m_database.instanceName())
            return;
        emit m_feed.changed(payload.section(u' ', 0, 0), payload.section(u' ', 1, 1));
    }

    Database& m_database;
    PostgresChangeFeed& m_feed;
    QTimer m_timer;
    int m_retryMs = ConfirmEveryMs;
    qint64 m_backendPid = 0;
    bool m_hadLoss = false;
    bool m_deliveryConnected = false;
};

PostgresChangeFeed::PostgresChangeFeed(Database& database, QObject* parent)
    : QObject(parent), m_listener(std::make_unique<FeedListener>(database, *this))
{
    m_thread.setObjectName(QStringLiteral("change feed"));
    m_listener->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_listener.get(), [this] { m_listener->begin(); });
}

PostgresChangeFeed::~PostgresChangeFeed()
{
    QMetaObject::invokeMethod(
        m_listener.get(), [this] { m_listener->end(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool PostgresChangeFeed::waitUntilListening(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_listening.load() && !deadline.hasExpired())
        QThread::msleep(10);
    return m_listening.load();
}
