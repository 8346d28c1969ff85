#pragma once

#include <QSortFilterProxyModel>

class SessionModel;

// Sessions whose user name or client address contains the filter text. Only in use while
// a filter is typed: the unfiltered view shows the model itself, with no proxy between.
class SessionFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SessionFilter(SessionModel* source, QObject* parent = nullptr);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    SessionModel* m_source;
    QString m_text;
};
