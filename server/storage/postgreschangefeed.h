#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

class Database;
class FeedListener;

// What other instances sharing a PostgreSQL database changed, as soon as they commit:
// LISTEN on the channel the triggers of SqlDialect::postgres() notify. It lives in a thread
// of its own, with a connection of its own, so a slow or vanished database never stalls the
// server's thread. Every second it confirms the connection with a round trip; on a failure it
// tells the database's other connections to reconnect and retries with back-off; once it is
// listening again it says `resynced` — whatever happened meanwhile was not heard, so the
// caches must be reloaded before they are trusted.
class PostgresChangeFeed : public QObject
{
    Q_OBJECT

public:
    explicit PostgresChangeFeed(Database& database, QObject* parent = nullptr);
    ~PostgresChangeFeed() override;

    // False until the first subscription succeeded; the caller logs and goes on (the feed retries).
    bool waitUntilListening(int timeoutMs);
    bool listening() const { return m_listening.load(); }
    // When the feed last confirmed it was listening, on monotonicMs()'s scale (0 = never):
    // a monotonic clock, so a step of the wall clock can neither extend nor cut trust.
    qint64 confirmedAtMonotonicMs() const { return m_confirmedAt.load(); }

signals:
    // Another instance (or an administration command) committed a change of `table`'s row `key`.
    void changed(const QString& table, const QString& key);
    void resynced(); // listening again after a loss: reload every cache now

private:
    friend class FeedListener;
    std::unique_ptr<FeedListener> m_listener;
    QThread m_thread;
    std::atomic<bool> m_listening{false};
    std::atomic<qint64> m_confirmedAt{0};
};
