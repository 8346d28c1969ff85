#pragma once

#include "core/principal.h"
#include "values/accountrecord.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

// The body of the rest dialect's `GET /api/me`, kept per account and authentication method
// while what it shows (the account's fields, the caller's permissions) stays the same: a
// client asking who it is on every request is answered without building and serialising JSON
// each time (two thirds of that request's CPU, docs/PERFORMANCE.md). Lives on the server's
// thread.
class MeAnswers
{
public:
    // `build` makes the body from `account` and `permissions` when none is kept for them.
    template <typename Build>
    QByteArray bodyFor(const AccountRecord& account, Principal::Method method, const QStringList& permissions,
                       Build build)
    {
        const qint64 key = account.id * 8 + qint64(method);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.cend() && sameShown(it->account, account) && it->permissions == permissions)
            return it->body;
        if (m_entries.size() >= MaxEntries)
            m_entries.clear();
        return m_entries.insert(key, Entry{shownOf(account), permissions, build()})->body;
    }

private:
    struct Entry
    {
        AccountRecord account; // without its password hash
        QStringList permissions;
        QByteArray body;
    };

    static AccountRecord shownOf(const AccountRecord& account);
    static bool sameShown(const AccountRecord& kept, const AccountRecord& now);

    // Bounded: a flood of distinct accounts empties it rather than grows it.
    static constexpr qsizetype MaxEntries = 4096;
    QHash<qint64, Entry> m_entries;
};
