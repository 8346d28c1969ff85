#pragma once

#include "core/batchedwriter.h"
#include "storage/apitokenrepository.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

class Clock;
class HmacSha256;

// API tokens cached in memory by keyed hash, so verifying one costs an HMAC and a hash-map
// look-up and no database query. The database is written first: a token exists, and a
// revocation takes effect, only once committed. Last use (time and IP) is batched.
class ApiTokenStore : public QObject
{
    Q_OBJECT

public:
    ApiTokenStore(ApiTokenRepository& repository, const HmacSha256& keyedHash, const Clock& clock,
                  QObject* parent = nullptr);

    // (Re)fills the cache from the database (start-up, or another process changed it).
    bool load();
    // Commits a new token for `secret`; nullopt if the database refused it.
    std::optional<ApiTokenRecord> insert(ApiTokenRecord token, QByteArrayView secret);
    // Hot path. The cached record for a secret (revoked and expired ones included: callers
    // check liveAt), or nullptr when no token has that hash.
    const ApiTokenRecord* find(QByteArrayView secret) const;
    const ApiTokenRecord* byId(qint64 id) const;
    // Records a use in memory at once; the database gets it in the next batch (one row
    // per token per batch, however many requests it made).
    void markUsed(qint64 id, const QString& ip);
    bool revoke(qint64 id);
    // Unrevoked tokens, newest first.
    std::vector<ApiTokenRecord> list() const;
    int count() const; // unrevoked
    void flush() { m_uses.flushNow(); }

signals:
    void tokenCreated(qint64 id);
    void tokenUsed(qint64 id); // once per batch of uses, not per request
    void tokenRevoked(qint64 id);

private:
    void writeUses(const std::vector<qint64>& ids);

    ApiTokenRepository& m_repository;
    const HmacSha256& m_keyedHash;
    const Clock& m_clock;
    QHash<QByteArray, ApiTokenRecord> m_byHash;
    QHash<qint64, QByteArray> m_hashById;
    QSet<qint64> m_usePending;
    BatchedWriter<qint64> m_uses;
};
