#include "sessionmodel.h"

#include "ui/timeformat.h"

#include <algorithm>

namespace {
// Beyond this many separate runs of rows to remove, one reset is cheaper than many removals.
constexpr int MaxRemovalRuns = 64;
} // namespace

SessionModel::SessionModel(QObject* parent) : QAbstractTableModel(parent)
{}

void SessionModel::reset(QList<SessionInfo> sessions)
{
    beginResetModel();
    m_rows.clear();
    // Room to double: growing moves every row, a pause the GUI should not take in a login storm.
    m_rows.reserve(std::max<size_t>(1024, 2 * size_t(sessions.size())));
    // Moved, not copied: the snapshot comes newest first, the rows are kept oldest first.
    m_rows.assign(std::make_move_iterator(sessions.rbegin()), std::make_move_iterator(sessions.rend()));
    m_indexById.clear();
    m_indexById.reserve(std::max<qsizetype>(1024, 2 * qsizetype(m_rows.size())));
    reindexFrom(0);
    m_loaded = true;
    endResetModel();
}

void SessionModel::reindexFrom(int storageFirst)
{
    for (int i = storageFirst; i < int(m_rows.size()); ++i)
        m_indexById.insert(m_rows[i].id, i);
}

void SessionModel::add(const QList<SessionInfo>& sessions)
{
    if (!m_loaded)
        return;
    std::vector<SessionInfo> fresh;
    fresh.reserve(sessions.size());
    for (const SessionInfo& session : sessions) {
        if (!m_indexById.contains(session.id))
            fresh.push_back(session);
    }
    if (fresh.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    reindexFrom(first);
    endInsertRows();
}

void SessionModel::remove(const QStringList& ids)
{
    if (!m_loaded)
        return;
    std::vector<int> indexes;
    for (const QString& id : ids) {
        const auto it = m_indexById.constFind(id);
        if (it != m_indexById.cend())
            indexes.push_back(*it);
    }
    if (!indexes.empty())
        removeScattered(std::move(indexes));
}

// Removes runs of adjacent rows, highest storage index first so the others stay valid;
// then the index map is rebuilt from the lowest changed row only. Scattered over many runs
// (a user with thousands of sessions all over the list), one pass and one reset instead.
void SessionModel::removeScattered(std::vector<int> indexes)
{
    std::sort(indexes.begin(), indexes.end(), std::greater<>());
    std::vector<std::pair<int, int>> runs; // [first, last] storage indexes
    for (const int index : indexes) {
        if (!runs.empty() && runs.back().first == index + 1)
            runs.back().first = index;
        else
            runs.emplace_back(index, index);
    }
    for (const int index : indexes)
        m_indexById.remove(m_rows[index].id);
    if (int(runs.size()) > MaxRemovalRuns) {
        beginResetModel();
        std::vector<bool> removed(m_rows.size(), false);
        for (const int index : indexes)
            removed[index] = true;
        int kept = 0;
        for (int i = 0; i < int(m_rows.size()); ++i) {
            if (!removed[i])
                m_rows[kept++] = std::move(m_rows[i]);
        }
        m_rows.resize(kept);
        reindexFrom(runs.back().first);
        endResetModel();
        return;
    }
    for (const auto& [first, last] : runs) {
        beginRemoveRows({}, storageIndex(last), storageIndex(first));
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
    }
    reindexFrom(runs.back().first);
}

int SessionModel::rowOf(const QString& id) const
{
    const auto it = m_indexById.constFind(id);
    return it == m_indexById.cend() ? -1 : storageIndex(*it);
}

int SessionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SessionInfo& session = at(index.row());
    switch (role) {
    case IdRole:
        return session.id;
    case AccountIdRole:
        return session.accountId;
    case UsernameRole:
        return session.username;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case User:
        return session.username;
    case Dialect:
        return session.dialect;
    case ClientAddress:
        return session.clientIp;
    case UserAgent:
        return session.userAgent;
    case Created:
        return TimeFormat::dateTime(session.createdAtMs);
    case LastSeen:
        return TimeFormat::dateTime(session.lastSeenAtMs);
    case Expires:
        return TimeFormat::dateTime(session.expiresAtMs);
    default:
        return {};
    }
}

QVariant SessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case User:
        return tr("User");
    case Dialect:
        return tr("Dialect");
    case ClientAddress:
        return tr("Client address");
    case UserAgent:
        return tr("User agent");
    case Created:
        return tr("Created");
    case LastSeen:
        return tr("Last seen");
    case Expires:
        return tr("Expires");
    default:
        return {};
    }
}
