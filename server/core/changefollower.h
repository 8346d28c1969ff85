#pragma once

#include <QObject>
#include <QString>

#include <memory>

class AccountStore;
class ApiTokenStore;
class Database;
class ExternalChangeWatcher;
class PostgresChangeFeed;
class RateLimiter;
class SessionStore;

// Keeps the in-memory caches true to changes committed elsewhere: by the administration
// commands, and on PostgreSQL by the other instances sharing the database.
// - SQLite: a cheap poll of data_version each second reloads the caches (ExternalChangeWatcher).
// - PostgreSQL: the change feed names each changed row, and only that row's cache follows
//   (a session, an account, the API tokens, one IP's lockout window), within milliseconds.
//   The caches are trusted only while the feed has confirmed it is listening within the last
//   TrustWindowMs: a feed that went deaf may have missed a revocation, so the request path
//   answers 503 rather than let a revoked credential through. After a loss every cache is
//   reloaded before it is trusted again.
class ChangeFollower : public QObject
{
    Q_OBJECT

public:
    // How long a confirmation of the feed vouches for the caches: the feed confirms every
    // second, so this allows for four missed confirmations (a busy database, a slow network).
    static constexpr int TrustWindowMs = 5000;

    struct Parts
    {
        Database& database;
        AccountStore& accounts;
        SessionStore& sessions;
        ApiTokenStore& apiTokens;
        RateLimiter& limiter;
    };

    explicit ChangeFollower(Parts parts, QObject* parent = nullptr);
    ~ChangeFollower() override;

    // Starts following (the server, not the administration commands). On PostgreSQL it waits
    // up to `waitMs` for the feed to listen; false if it did not (it keeps trying).
    bool start(int waitMs);
    // Hot path: whether a credential may be accepted from the caches alone right now.
    bool cachesTrusted() const;
    // For /flex/healthz: SQLite answers a query; PostgreSQL, the feed's last confirmation
    // (no query on the server's thread, which a vanished database could stall).
    bool storageReachable() const;

signals:
    // The accounts, API tokens or lockouts were reloaded (sessions report themselves).
    void reloaded();

private:
    void reloadAll();
    void follow(const QString& table, const QString& key);

    Parts m_parts;
    std::unique_ptr<ExternalChangeWatcher> m_watcher;
    std::unique_ptr<PostgresChangeFeed> m_feed;
};
