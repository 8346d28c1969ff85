#include "ratelimiteventmodel.h"

#include "ui/timeformat.h"

RateLimitEventModel::RateLimitEventModel(QObject* parent)
    : ValueTableModel<RateLimitEventInfo>(
        {
            {tr("Time"), [](const RateLimitEventInfo& e) { return TimeFormat::dateTime(e.atMs); }},
            {tr("Address"), [](const RateLimitEventInfo& e) { return e.clientIp; }},
            {tr("Event"), [](const RateLimitEventInfo& e) { return e.kind; }},
            {tr("Dialect"), [](const RateLimitEventInfo& e) { return e.dialect; }},
            {tr("User tried"), [](const RateLimitEventInfo& e) { return e.username; }},
            {tr("Detail"), [](const RateLimitEventInfo& e) { return e.detail; }},
        },
        parent)
{}

RateLimitFilter::RateLimitFilter(RateLimitEventModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
}

void RateLimitFilter::setAddress(const QString& address)
{
    m_address = address.trimmed();
    invalidateRowsFilter();
}

void RateLimitFilter::setSinceMs(qint64 sinceMs)
{
    m_sinceMs = sinceMs;
    invalidateRowsFilter();
}

bool RateLimitFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const RateLimitEventInfo& event = m_source->at(sourceRow);
    return event.atMs >= m_sinceMs && (m_address.isEmpty() || event.clientIp.contains(m_address));
}
