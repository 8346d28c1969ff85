#include "sessionfilter.h"

#include "sessionmodel.h"

SessionFilter::SessionFilter(SessionModel* source, QObject* parent) : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
}

void SessionFilter::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool SessionFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const SessionInfo& session = m_source->at(sourceRow);
    return session.username.contains(m_text, Qt::CaseInsensitive) || session.clientIp.contains(m_text);
}
