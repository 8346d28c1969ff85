#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <functional>

// A table over a list of plain values (AccountInfo, ApiTokenInfo, ...): one function per
// column turns a value into its text. The small lists of the panel (accounts, tokens, log
// pages) use it; the sessions, which may number 100,000, have their own model.
// A template, so its members are defined here.
template <typename T>
class ValueTableModel : public QAbstractTableModel
{
public:
    static constexpr int ValueRole = Qt::UserRole + 100; // the row's index in rows(), for proxies

    struct Column
    {
        QString title;
        std::function<QVariant(const T&)> text;
    };

    explicit ValueTableModel(QList<Column> columns, QObject* parent = nullptr)
        : QAbstractTableModel(parent), m_columns(std::move(columns))
    {}

    const QList<T>& rows() const { return m_rows; }
    const T& at(int row) const { return m_rows.at(row); }

    void setRows(const QList<T>& rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

    // New values at the top; with `cap` > 0 the oldest rows beyond it are dropped.
    void prepend(const QList<T>& values, int cap = 0)
    {
        if (values.isEmpty())
            return;
        beginInsertRows({}, 0, int(values.size()) - 1);
        m_rows = values + m_rows;
        endInsertRows();
        if (cap > 0 && m_rows.size() > cap) {
            beginRemoveRows({}, cap, int(m_rows.size()) - 1);
            m_rows.resize(cap);
            endRemoveRows();
        }
    }

    // Replaces the first row matching `same`, or inserts the value at the top.
    void upsert(const T& value, const std::function<bool(const T&)>& same)
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (same(m_rows.at(row))) {
                m_rows[row] = value;
                emit dataChanged(index(row, 0), index(row, columnCount() - 1));
                return;
            }
        }
        prepend({value});
    }

    void removeIf(const std::function<bool(const T&)>& matches)
    {
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (matches(m_rows.at(row))) {
                beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                endRemoveRows();
            }
        }
    }

    // Every visible text of one column changed (e.g. time left).
    void refreshColumn(int column)
    {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, column), index(int(m_rows.size()) - 1, column), {Qt::DisplayRole});
    }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return {};
        if (role == ValueRole)
            return index.row();
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return m_columns.at(index.column()).text(m_rows.at(index.row()));
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < m_columns.size())
            return m_columns.at(section).title;
        return {};
    }

private:
    QList<Column> m_columns;
    QList<T> m_rows;
};
