#include "storage/auditrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <limits>

namespace {

const QLatin1String kInsert("INSERT INTO audit_events (at, kind, actor, client_ip, detail) VALUES (?, ?, ?, ?, ?) "
                            "RETURNING id");

AuditEventRecord toRecord(const QSqlQuery& query)
{
    AuditEventRecord event;
    event.id = query.value(0).toLongLong();
    event.atMs = query.value(1).toLongLong();
    event.kind = query.value(2).toString();
    event.actor = query.value(3).toString();
    event.clientIp = query.value(4).toString();
    event.detail = query.value(5).toString();
    return event;
}

// Returns the new id, 0 on failure.
qint64 executeInsert(QSqlQuery& query, const AuditEventRecord& event)
{
    if (!SqlUtil::execute(query,
                          {event.atMs, SqlUtil::text(event.kind), SqlUtil::text(event.actor),
                           SqlUtil::text(event.clientIp), SqlUtil::text(event.detail)},
                          "audit.append"))
        return 0;
    return SqlUtil::firstInteger(query, "audit.append"); // read to the end: its implicit transaction commits
}

} // namespace

qint64 AuditRepository::append(const AuditEventRecord& event)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::prepare(query, kInsert, "audit.append") ? executeInsert(query, event) : 0;
}

bool AuditRepository::append(const std::vector<AuditEventRecord>& events)
{
    if (events.empty())
        return true;
    return m_database.transaction([&events](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!SqlUtil::prepare(query, kInsert, "audit.append"))
            return false;
        for (const AuditEventRecord& event : events) {
            if (executeInsert(query, event) == 0)
                return false;
        }
        return true;
    });
}

std::vector<AuditEventRecord> AuditRepository::recent(int limit, qint64 beforeId)
{
    std::vector<AuditEventRecord> events;
    const qint64 below = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    QSqlQuery query(m_database.connection());
    if (SqlUtil::run(query,
                     QStringLiteral("SELECT id, at, kind, actor, client_ip, detail FROM audit_events "
                                    "WHERE id < ? ORDER BY id DESC LIMIT ?"),
                     {below, limit}, "audit.recent")) {
        while (query.next())
            events.push_back(toRecord(query));
    }
    return events;
}

int AuditRepository::purge(qint64 beforeMs)
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query, QStringLiteral("DELETE FROM audit_events WHERE at < ?"), {beforeMs}, "audit.purge"))
        return -1;
    return query.numRowsAffected();
}
