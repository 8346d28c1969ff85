#include "core/accountstore.h"

#include "core/clock.h"

#include <algorithm>

AccountStore::AccountStore(AccountRepository& repository, const Clock& clock) : m_repository(repository), m_clock(clock)
{}

bool AccountStore::load(QString* error)
{
    m_byId.clear();
    m_idByUsername.clear();
    const QString adminName = QLatin1String(AdminUsername);
    if (!m_repository.byUsername(adminName)) {
        AccountRecord admin;
        admin.username = adminName;
        admin.firstname = QStringLiteral("Admin");
        admin.lastname = QStringLiteral("User");
        admin.role = QStringLiteral("admin");
        admin.createdAtMs = admin.updatedAtMs = m_clock.nowMs();
        // A concurrent first start (another process) may win the insert; re-reading below settles it.
        m_repository.insert(admin);
    }
    for (AccountRecord& account : m_repository.all()) {
        m_idByUsername.insert(account.username, account.id);
        m_byId.insert(account.id, std::move(account));
    }
    m_adminId = m_idByUsername.value(adminName);
    if (m_adminId == 0) {
        *error = QStringLiteral("cannot create the built-in admin account");
        return false;
    }
    return true;
}

const AccountRecord* AccountStore::byId(qint64 id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &*it;
}

const AccountRecord* AccountStore::byUsername(const QString& username) const
{
    const auto it = m_idByUsername.constFind(username);
    return it == m_idByUsername.cend() ? nullptr : byId(*it);
}

const AccountRecord& AccountStore::admin() const
{
    return *byId(m_adminId);
}

void AccountStore::cachePasswordHash(qint64 id, const QByteArray& hash)
{
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return;
    it->passwordHash = hash;
    it->updatedAtMs = m_clock.nowMs();
}

const AccountRecord* AccountStore::insert(AccountRecord account)
{
    account.createdAtMs = account.updatedAtMs = m_clock.nowMs();
    account.id = m_repository.insert(account);
    if (account.id == 0)
        return nullptr;
    m_idByUsername.insert(account.username, account.id);
    return &*m_byId.insert(account.id, std::move(account));
}

bool AccountStore::update(const AccountRecord& account)
{
    AccountRecord changed = account;
    changed.updatedAtMs = m_clock.nowMs();
    if (!byId(account.id) || !m_repository.update(changed))
        return false;
    cache(changed);
    return true;
}

void AccountStore::cache(const AccountRecord& account)
{
    if (const AccountRecord* before = byId(account.id))
        m_idByUsername.remove(before->username);
    m_idByUsername.insert(account.username, account.id);
    m_byId.insert(account.id, account);
}

void AccountStore::forget(qint64 id)
{
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return;
    m_idByUsername.remove(it->username);
    m_byId.erase(it);
}

std::vector<AccountRecord> AccountStore::all() const
{
    std::vector<AccountRecord> accounts(m_byId.cbegin(), m_byId.cend());
    std::sort(accounts.begin(), accounts.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return accounts;
}

bool AccountStore::replacePasswordHash(qint64 id, const QByteArray& expected, const QByteArray& hash)
{
    if (!m_repository.replacePasswordHash(id, expected, hash, m_clock.nowMs()).value_or(false))
        return false;
    cachePasswordHash(id, hash);
    return true;
}
