#pragma once

#include "core/batchedwriter.h"
#include "storage/sessionrepository.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>
#include <vector>

class Clock;

// Live sessions, cached in memory so that a request with a valid bearer token costs a
// hash-map look-up and no database query. The database is the truth and is written
// first: a session exists (and a revocation takes effect) only once it is committed,
// so both survive a crash. Last-seen times are batched.
class SessionStore : public QObject
{
    Q_OBJECT

public:
    SessionStore(SessionRepository& repository, const Clock& clock, QObject* parent = nullptr);

    // Fills the cache with the sessions that are neither revoked nor expired; on a reload
    // (another process changed the database) sessions that vanished are reported ended.
    void load();
    // Reads one session again (another instance created, refreshed or revoked it): cached
    // while live, forgotten (and reported ended) otherwise. False when the database could not
    // be read; the cache is then unchanged.
    bool reload(const QString& id);

    // Creates and commits a session; returns nullptr if the database refused it.
    const SessionRecord* create(qint64 accountId, const QString& dialect, const QString& clientIp,
                                const QString& userAgent, qint64 lifetimeSecs, const QByteArray& refreshHash = {});
    // Commits a rotated refresh token's hash and the session's new end.
    bool setRefresh(const QString& id, const QByteArray& refreshHash, qint64 expiresAtMs);
    // The live session with this id, or nullptr (unknown, revoked or expired). Hot path.
    const SessionRecord* find(const QString& id) const;
    void markSeen(const QString& id);

    bool revoke(const QString& id);
    // Revokes every live session of one account (an operator's decision) in one statement;
    // returns the ended ids, or nullopt when the database refused (then none ended).
    std::optional<std::vector<QString>> revokeAllOf(qint64 accountId);
    // Drops revoked sessions from the cache after the caller committed the revocation
    // (e.g. inside a password-change transaction).
    void forget(const std::vector<QString>& ids);
    void forgetAccount(qint64 accountId);
    // Live sessions, optionally of one account only (0 = all), newest first.
    std::vector<SessionRecord> list(qint64 accountId = 0) const;

    int liveCount() const { return int(m_live.size()); }
    void flush() { m_lastSeen.flushNow(); }

signals:
    void sessionOpened(const QString& id, qint64 accountId);
    void sessionEnded(const QString& id);

private:
    void dropExpired();

    SessionRepository& m_repository;
    const Clock& m_clock;
    QHash<QString, SessionRecord> m_live;
    BatchedWriter<std::pair<QString, qint64>> m_lastSeen;
};
