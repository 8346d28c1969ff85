#include "core/changefollower.h"

#include "core/accountstore.h"
#include "core/apitokenstore.h"
#include "core/externalchangewatcher.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"
#include "storage/database.h"
#include "storage/postgreschangefeed.h"
#include "storage/storagelog.h"
#include "values/monotonicclock.h"

namespace {
constexpr int SqlitePollMs = 1000;
}

ChangeFollower::ChangeFollower(Parts parts, QObject* parent) : QObject(parent), m_parts(parts)
{}

ChangeFollower::~ChangeFollower() = default;

bool ChangeFollower::start(int waitMs)
{
    if (m_parts.database.location().engine == DatabaseLocation::Engine::Sqlite) {
        m_watcher = std::make_unique<ExternalChangeWatcher>(m_parts.database, SqlitePollMs);
        connect(m_watcher.get(), &ExternalChangeWatcher::changed, this, [this] {
            reloadAll();
            qCInfo(lcStorage) << "picked up changes made by another process";
        });
        return true;
    }
    // The name is what pg_stat_activity shows for this instance's connections.
    qCInfo(lcStorage).noquote() << "following the changes of other instances on"
                                << m_parts.database.location().displayName() << "as" << m_parts.database.instanceName();
    m_feed = std::make_unique<PostgresChangeFeed>(m_parts.database);
    connect(m_feed.get(), &PostgresChangeFeed::changed, this, &ChangeFollower::follow);
    connect(m_feed.get(), &PostgresChangeFeed::resynced, this, &ChangeFollower::reloadAll);
    return m_feed->waitUntilListening(waitMs);
}

bool ChangeFollower::cachesTrusted() const
{
    if (!m_feed)
        return true;
    const qint64 confirmedAt = m_feed->confirmedAtMonotonicMs();
    return confirmedAt != 0 && monotonicMs() - confirmedAt < TrustWindowMs;
}

bool ChangeFollower::storageReachable() const
{
    return m_feed ? m_feed->listening() && cachesTrusted() : m_parts.database.isReachable();
}

void ChangeFollower::reloadAll()
{
    QString error;
    if (!m_parts.accounts.load(&error))
        qCWarning(lcStorage).noquote() << "could not reload accounts:" << error;
    m_parts.sessions.load();
    m_parts.apiTokens.load();  // `gatehoused tokens create | revoke`
    m_parts.limiter.restore(); // e.g. `gatehoused ratelimit unblock`
    emit reloaded();
}

void ChangeFollower::follow(const QString& table, const QString& key)
{
    if (table == QLatin1String("sessions")) {
        if (!m_parts.sessions.reload(key))
            qCWarning(lcStorage) << "could not read a session another instance changed";
        return;
    }
    if (table == QLatin1String("accounts")) {
        QString error;
        if (!m_parts.accounts.load(&error))
            qCWarning(lcStorage).noquote() << "could not reload accounts:" << error;
        // A removed account's sessions and tokens went with it (ON DELETE CASCADE, which fires
        // no trigger of theirs).
        if (!m_parts.accounts.byId(key.toLongLong()))
            m_parts.sessions.forgetAccount(key.toLongLong());
        m_parts.apiTokens.load();
    } else if (table == QLatin1String("api_tokens")) {
        m_parts.apiTokens.load();
    } else if (table == QLatin1String("ratelimit_events")) {
        m_parts.limiter.restore();
    }
    emit reloaded();
}
