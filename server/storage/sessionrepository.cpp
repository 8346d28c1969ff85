#include "storage/sessionrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

namespace {

const QLatin1String kSelect("SELECT id, account_id, dialect, client_ip, user_agent, created_at, expires_at, "
                            "last_seen_at, revoked_at, refresh_hash FROM sessions");

SessionRecord toRecord(const QSqlQuery& query)
{
    SessionRecord session;
    session.id = query.value(0).toString();
    session.accountId = query.value(1).toLongLong();
    session.dialect = query.value(2).toString();
    session.clientIp = query.value(3).toString();
    session.userAgent = query.value(4).toString();
    session.createdAtMs = query.value(5).toLongLong();
    session.expiresAtMs = query.value(6).toLongLong();
    session.lastSeenAtMs = query.value(7).toLongLong();
    session.revokedAtMs = query.value(8).toLongLong();
    session.refreshHash = query.value(9).toByteArray();
    return session;
}

// UPDATE ... RETURNING id: the ids are known from the same statement that revoked them.
std::optional<std::vector<QString>> revokeReturningIds(QSqlDatabase& db, const QString& statement,
                                                       std::initializer_list<QVariant> values, const char* what)
{
    QSqlQuery query(db);
    if (!SqlUtil::run(query, statement, values, what))
        return std::nullopt;
    return SqlUtil::firstColumnTexts(query, what);
}

} // namespace

bool SessionRepository::insert(const SessionRecord& session)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query,
                        QStringLiteral("INSERT INTO sessions (id, account_id, dialect, client_ip, user_agent, "
                                       "created_at, expires_at, last_seen_at, revoked_at, refresh_hash) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {SqlUtil::text(session.id), session.accountId, SqlUtil::text(session.dialect),
                         SqlUtil::text(session.clientIp), SqlUtil::text(session.userAgent), session.createdAtMs,
                         session.expiresAtMs, session.lastSeenAtMs, session.revokedAtMs, session.refreshHash},
                        "sessions.insert");
}

std::optional<SessionRecord> SessionRepository::byId(const QString& id, bool* readable)
{
    QSqlQuery query(m_database.connection());
    const bool ran =
        SqlUtil::run(query, kSelect + QLatin1String(" WHERE id = ?"), {SqlUtil::text(id)}, "sessions.byId");
    if (readable)
        *readable = ran;
    if (!ran || !query.next())
        return std::nullopt;
    return toRecord(query);
}

std::vector<SessionRecord> SessionRepository::live(qint64 nowMs)
{
    std::vector<SessionRecord> sessions;
    QSqlQuery query(m_database.connection());
    if (SqlUtil::run(query, kSelect + QLatin1String(" WHERE revoked_at = 0 AND expires_at > ? ORDER BY created_at"),
                     {nowMs}, "sessions.live")) {
        while (query.next())
            sessions.push_back(toRecord(query));
    }
    return sessions;
}

bool SessionRepository::revoke(const QString& id, qint64 atMs)
{
    // An already revoked session keeps its first revocation time.
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query,
                        QStringLiteral("UPDATE sessions SET revoked_at = CASE WHEN revoked_at = 0 THEN ? "
                                       "ELSE revoked_at END WHERE id = ?"),
                        {atMs, SqlUtil::text(id)}, "sessions.revoke")
        && query.numRowsAffected() == 1;
}

std::optional<std::vector<QString>> SessionRepository::revokeAllOf(qint64 accountId, qint64 atMs,
                                                                   const QString& exceptId)
{
    QSqlDatabase db = m_database.connection();
    return revokeAllOf(db, accountId, atMs, exceptId);
}

std::optional<std::vector<QString>> SessionRepository::revokeAllOf(QSqlDatabase& db, qint64 accountId, qint64 atMs,
                                                                   const QString& exceptId)
{
    // Session ids are never empty, so an empty exceptId excludes nothing.
    return revokeReturningIds(db,
                              QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND id <> ? "
                                             "AND revoked_at = 0 AND expires_at > ? RETURNING id"),
                              {atMs, accountId, SqlUtil::text(exceptId), atMs}, "sessions.revokeAllOf");
}

std::optional<std::vector<QString>> SessionRepository::revokeAll(qint64 atMs)
{
    QSqlDatabase db = m_database.connection();
    return revokeAll(db, atMs);
}

std::optional<std::vector<QString>> SessionRepository::revokeAll(QSqlDatabase& db, qint64 atMs)
{
    return revokeReturningIds(db,
                              QStringLiteral("UPDATE sessions SET revoked_at = ? "
                                             "WHERE revoked_at = 0 AND expires_at > ? RETURNING id"),
                              {atMs, atMs}, "sessions.revokeAll");
}

bool SessionRepository::setRefreshHash(const QString& id, const QByteArray& refreshHash, qint64 expiresAtMs)
{
    // A revoked session must not be given a new refresh token.
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query,
                        QStringLiteral("UPDATE sessions SET refresh_hash = ?, expires_at = ? "
                                       "WHERE id = ? AND revoked_at = 0"),
                        {refreshHash, expiresAtMs, SqlUtil::text(id)}, "sessions.setRefreshHash")
        && query.numRowsAffected() == 1;
}

bool SessionRepository::touch(const std::vector<std::pair<QString, qint64>>& lastSeen)
{
    if (lastSeen.empty())
        return true;
    return m_database.transaction([&lastSeen](QSqlDatabase& db) {
        QSqlQuery query(db);
        // Never moves last_seen_at backwards (batches may be flushed out of order).
        if (!SqlUtil::prepare(query,
                              QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?"),
                              "sessions.touch"))
            return false;
        for (const auto& [id, atMs] : lastSeen) {
            if (!SqlUtil::execute(query, {atMs, SqlUtil::text(id), atMs}, "sessions.touch"))
                return false;
        }
        return true;
    });
}

int SessionRepository::purge(qint64 beforeMs)
{
    QSqlQuery query(m_database.connection());
    const QString statement =
        QStringLiteral("DELETE FROM sessions WHERE expires_at < ? OR (revoked_at <> 0 AND revoked_at < ?)");
    if (!SqlUtil::run(query, statement, {beforeMs, beforeMs}, "sessions.purge"))
        return -1;
    return query.numRowsAffected();
}
