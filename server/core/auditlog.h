#pragma once

#include "core/batchedwriter.h"
#include "storage/auditrepository.h"

#include <QJsonObject>
#include <QObject>

class Clock;

// The audit log: what happened, who did it, from where. Written in batches; live
// listeners (the control panel, the WebSocket log stream) get each event at once.
// Callers pass names, ids and addresses, never a password or token.
class AuditLog : public QObject
{
    Q_OBJECT

public:
    AuditLog(AuditRepository& repository, const Clock& clock, QObject* parent = nullptr);

    void record(const QString& kind, const QString& actor, const QString& clientIp, const QJsonObject& detail = {});
    void flush() { m_writer.flushNow(); }
    // Newest first, ids below `beforeId` (0 = from the newest); pending events are written first.
    std::vector<AuditEventRecord> recent(int limit, qint64 beforeId = 0);

signals:
    void recorded(const AuditEventRecord& event);

private:
    AuditRepository& m_repository;
    const Clock& m_clock;
    BatchedWriter<AuditEventRecord> m_writer;
};
