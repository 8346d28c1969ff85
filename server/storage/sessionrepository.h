#pragma once

#include "values/sessionrecord.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

class Database;

class SessionRepository
{
public:
    explicit SessionRepository(Database& database) : m_database(database) {}

    bool insert(const SessionRecord& session);
    // nullopt when there is none, or (then *readable is false) when the database failed.
    std::optional<SessionRecord> byId(const QString& id, bool* readable = nullptr);
    // Sessions neither revoked nor expired at `nowMs`: what the in-memory cache starts from.
    std::vector<SessionRecord> live(qint64 nowMs);
    // True when the session exists and is now revoked (an earlier revocation time is kept).
    bool revoke(const QString& id, qint64 atMs);
    // Revokes every live session of the account except `exceptId` (may be empty); returns the
    // ids, or nullopt when the database refused (then nothing was revoked, or the caller's
    // transaction must roll back).
    std::optional<std::vector<QString>> revokeAllOf(qint64 accountId, qint64 atMs, const QString& exceptId = {});
    static std::optional<std::vector<QString>> revokeAllOf(QSqlDatabase& db, qint64 accountId, qint64 atMs,
                                                           const QString& exceptId = {});
    // Revokes every live session (auth disabled); returns the ids, as above.
    std::optional<std::vector<QString>> revokeAll(qint64 atMs);
    static std::optional<std::vector<QString>> revokeAll(QSqlDatabase& db, qint64 atMs);
    // False when the session is unknown or revoked: a revoked session gets no new refresh token.
    bool setRefreshHash(const QString& id, const QByteArray& refreshHash, qint64 expiresAtMs);
    // Batched last-seen update: one transaction for many sessions.
    bool touch(const std::vector<std::pair<QString, qint64>>& lastSeen);
    // Deletes sessions that expired or were revoked before `beforeMs`; returns how many, -1 on failure.
    int purge(qint64 beforeMs);

private:
    Database& m_database;
};
