#pragma once

#include "server/panel/panelvalues.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

// The live sessions, newest first, kept up to date incrementally: a batch of new sessions
// is one row insertion at the top, a batch of ended ones a few row removals. Built for
// 100,000 rows: rows are stored oldest first so that new ones are appended, and nothing
// per row exists besides the value itself (no widgets, no per-row objects).
class SessionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        User,
        Dialect,
        ClientAddress,
        UserAgent,
        Created,
        LastSeen,
        Expires,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole,
        AccountIdRole,
        UsernameRole
    };

    explicit SessionModel(QObject* parent = nullptr);

    // The snapshot; until it arrives, incremental changes are ignored (it contains them).
    void reset(QList<SessionInfo> sessions);
    bool isLoaded() const { return m_loaded; }
    // Both ignore what they already know (or never knew): a batch may overlap the snapshot.
    void add(const QList<SessionInfo>& sessions);
    void remove(const QStringList& ids);

    int rowOf(const QString& id) const; // -1 if unknown
    const SessionInfo& at(int row) const { return m_rows[storageIndex(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int storageIndex(int row) const { return int(m_rows.size()) - 1 - row; }
    void reindexFrom(int storageFirst);
    void removeScattered(std::vector<int> storageIndexes);

    std::vector<SessionInfo> m_rows; // oldest first; view row 0 is the newest
    QHash<QString, int> m_indexById; // id -> storage index
    bool m_loaded = false;
};
