#include "storage/ratelimiteventrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

namespace {

const QLatin1String kSelect("SELECT id, at, client_ip, kind, dialect, username, detail FROM ratelimit_events");
const QLatin1String kInsert("INSERT INTO ratelimit_events (at, client_ip, kind, dialect, username, detail) "
                            "VALUES (?, ?, ?, ?, ?, ?)");

RateLimitEventRecord toRecord(const QSqlQuery& query)
{
    RateLimitEventRecord event;
    event.id = query.value(0).toLongLong();
    event.atMs = query.value(1).toLongLong();
    event.clientIp = query.value(2).toString();
    event.kind = query.value(3).toString();
    event.dialect = query.value(4).toString();
    event.username = query.value(5).toString();
    event.detail = query.value(6).toString();
    return event;
}

bool executeInsert(QSqlQuery& query, const RateLimitEventRecord& event)
{
    return SqlUtil::execute(query,
                            {event.atMs, SqlUtil::text(event.clientIp), SqlUtil::text(event.kind),
                             SqlUtil::text(event.dialect), SqlUtil::text(event.username), SqlUtil::text(event.detail)},
                            "ratelimitEvents.append");
}

std::vector<RateLimitEventRecord> toRecords(QSqlQuery& query)
{
    std::vector<RateLimitEventRecord> events;
    while (query.next())
        events.push_back(toRecord(query));
    return events;
}

} // namespace

bool RateLimitEventRepository::append(const RateLimitEventRecord& event)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::prepare(query, kInsert, "ratelimitEvents.append") && executeInsert(query, event);
}

bool RateLimitEventRepository::append(const std::vector<RateLimitEventRecord>& events)
{
    if (events.empty())
        return true;
    return m_database.transaction([&events](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!SqlUtil::prepare(query, kInsert, "ratelimitEvents.append"))
            return false;
        for (const RateLimitEventRecord& event : events) {
            if (!executeInsert(query, event))
                return false;
        }
        return true;
    });
}

std::vector<RateLimitEventRecord> RateLimitEventRepository::recent(qint64 sinceMs, int limit, const QString& clientIp)
{
    // Two fixed statements rather than "(? = '' OR client_ip = ?)", so the (client_ip, at) index is used.
    QSqlQuery query(m_database.connection());
    const bool ok = clientIp.isEmpty()
        ? SqlUtil::run(query, kSelect + QLatin1String(" WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?"),
                       {sinceMs, limit}, "ratelimitEvents.recent")
        : SqlUtil::run(query,
                       kSelect + QLatin1String(" WHERE client_ip = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?"),
                       {clientIp, sinceMs, limit}, "ratelimitEvents.recent");
    return ok ? toRecords(query) : std::vector<RateLimitEventRecord>{};
}

std::optional<std::vector<RateLimitEventRecord>> RateLimitEventRepository::windowEventsSince(qint64 sinceMs)
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query, kSelect + QLatin1String(" WHERE kind IN (?, ?) AND at >= ? ORDER BY at, id"),
                      {QStringLiteral("failure"), QStringLiteral("unblock"), sinceMs},
                      "ratelimitEvents.windowEventsSince"))
        return std::nullopt;
    return toRecords(query);
}

int RateLimitEventRepository::purge(qint64 beforeMs)
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query, QStringLiteral("DELETE FROM ratelimit_events WHERE at < ?"), {beforeMs},
                      "ratelimitEvents.purge"))
        return -1;
    return query.numRowsAffected();
}
