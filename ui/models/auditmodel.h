#pragma once

#include "server/panel/panelvalues.h"
#include "valuetablemodel.h"

#include <QSortFilterProxyModel>

// The audit stream, newest first, capped so a busy server cannot grow the panel's memory.
class AuditModel : public ValueTableModel<AuditEventInfo>
{
    Q_OBJECT

public:
    enum Column {
        Time,
        Event,
        Actor,
        Address,
        Detail
    };
    static constexpr int MaxRows = 10'000;

    explicit AuditModel(QObject* parent = nullptr);
};

// Keeps the rows whose text contains every word of the filter (case-insensitive).
class AuditFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AuditFilter(AuditModel* source, QObject* parent = nullptr);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    AuditModel* m_source;
    QStringList m_words;
};
