#pragma once

#include "server/panel/panelvalues.h"
#include "valuetablemodel.h"

#include <QSortFilterProxyModel>

// The rate-limit log, newest first: failures, lockouts, refused attempts, throttling, unblocks.
class RateLimitEventModel : public ValueTableModel<RateLimitEventInfo>
{
    Q_OBJECT

public:
    enum Column {
        Time,
        Address,
        Kind,
        Dialect,
        Username,
        Detail
    };
    static constexpr int MaxRows = 5000;

    explicit RateLimitEventModel(QObject* parent = nullptr);
};

// Filters the log by client address (a substring, so "192.168.1." finds a subnet) and by
// time (only events at or after `sinceMs`).
class RateLimitFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RateLimitFilter(RateLimitEventModel* source, QObject* parent = nullptr);

    void setAddress(const QString& address);
    void setSinceMs(qint64 sinceMs);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    RateLimitEventModel* m_source;
    QString m_address;
    qint64 m_sinceMs = 0;
};
