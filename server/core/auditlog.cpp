#include "core/auditlog.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QJsonDocument>

namespace {
constexpr int FlushMs = 500;
}

AuditLog::AuditLog(AuditRepository& repository, const Clock& clock, QObject* parent)
    : QObject(parent), m_repository(repository), m_clock(clock),
      m_writer(FlushMs, [this](std::vector<AuditEventRecord> batch) {
          if (!m_repository.append(batch))
              qCWarning(lcAudit) << "could not write" << batch.size() << "audit events";
      })
{}

std::vector<AuditEventRecord> AuditLog::recent(int limit, qint64 beforeId)
{
    m_writer.flushNow();
    return m_repository.recent(limit, beforeId);
}

void AuditLog::record(const QString& kind, const QString& actor, const QString& clientIp, const QJsonObject& detail)
{
    AuditEventRecord event;
    event.atMs = m_clock.nowMs();
    event.kind = kind;
    event.actor = actor.isEmpty() ? QStringLiteral("anonymous") : actor.left(128);
    event.clientIp = clientIp;
    event.detail =
        detail.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    qCInfo(lcAudit).noquote() << event.kind << "by" << event.actor << "from"
                              << (clientIp.isEmpty() ? QStringLiteral("-") : clientIp);
    emit recorded(event);
    m_writer.add(std::move(event));
}
