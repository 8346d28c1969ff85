#include "auditmodel.h"

#include "ui/timeformat.h"

AuditModel::AuditModel(QObject* parent)
    : ValueTableModel<AuditEventInfo>(
        {
            {tr("Time"), [](const AuditEventInfo& e) { return TimeFormat::dateTime(e.atMs); }},
            {tr("Event"), [](const AuditEventInfo& e) { return e.kind; }},
            {tr("Who"), [](const AuditEventInfo& e) { return e.actor; }},
            {tr("From"),
             [](const AuditEventInfo& e) { return e.clientIp.isEmpty() ? tr("this computer") : e.clientIp; }},
            {tr("Detail"), [](const AuditEventInfo& e) { return e.detail; }},
        },
        parent)
{}

AuditFilter::AuditFilter(AuditModel* source, QObject* parent) : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
}

void AuditFilter::setText(const QString& text)
{
    m_words = text.split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

bool AuditFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const AuditEventInfo& event = m_source->at(sourceRow);
    const QString text = QStringList{event.kind, event.actor, event.clientIp, event.detail}.join(u' ');
    for (const QString& word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}
