#include "core/sessionstore.h"

#include "core/clock.h"
#include "core/logging.h"
#include "crypto/random.h"

#include <QTimer>

#include <algorithm>

namespace {
constexpr int LastSeenFlushMs = 5000;
constexpr int ExpirySweepMs = 60'000;
// 25 base62 characters: about 149 bits, unguessable, short in a JWT. Base62 rather than
// base64url so that an id never starts with '-', which a command line (`gatehoused sessions
// revoke ID`) would read as an option, and a double-click selects it whole.
constexpr int SessionIdLength = 25;
} // namespace

SessionStore::SessionStore(SessionRepository& repository, const Clock& clock, QObject* parent)
    : QObject(parent), m_repository(repository), m_clock(clock),
      m_lastSeen(LastSeenFlushMs, [this](std::vector<std::pair<QString, qint64>> batch) {
          if (!m_repository.touch(batch))
              qCWarning(lcSessions) << "could not record last-seen times of" << batch.size() << "sessions";
      })
{
    auto* sweep = new QTimer(this);
    sweep->setInterval(ExpirySweepMs);
    connect(sweep, &QTimer::timeout, this, &SessionStore::dropExpired);
    sweep->start();
}

void SessionStore::load()
{
    std::vector<SessionRecord> loaded = m_repository.live(m_clock.nowMs());
    QHash<QString, SessionRecord> live;
    live.reserve(qsizetype(loaded.size())); // 100,000 sessions: no rehashing on the way
    for (SessionRecord& session : loaded) {
        const QString id = session.id;
        live.insert(id, std::move(session));
    }
    std::vector<QString> ended;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (!live.contains(it.key()))
            ended.push_back(it.key());
    }
    std::vector<QString> opened;
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (!m_live.contains(it.key()))
            opened.push_back(it.key());
    }
    forget(ended);
    m_live = std::move(live);
    for (const QString& id : opened)
        emit sessionOpened(id, m_live.value(id).accountId);
    qCInfo(lcSessions) << m_live.size() << "live sessions";
}

bool SessionStore::reload(const QString& id)
{
    bool readable = true;
    std::optional<SessionRecord> session = m_repository.byId(id, &readable);
    if (!readable)
        return false;
    if (!session || session->revokedAtMs != 0 || session->expiresAtMs <= m_clock.nowMs()) {
        forget({id});
        return true;
    }
    const bool opened = !m_live.contains(id);
    const qint64 accountId = session->accountId;
    m_live.insert(id, std::move(*session));
    if (opened)
        emit sessionOpened(id, accountId);
    return true;
}

const SessionRecord* SessionStore::create(qint64 accountId, const QString& dialect, const QString& clientIp,
                                          const QString& userAgent, qint64 lifetimeSecs, const QByteArray& refreshHash)
{
    SessionRecord session;
    session.id = Random::base62(SessionIdLength);
    session.accountId = accountId;
    session.dialect = dialect;
    session.clientIp = clientIp;
    session.userAgent = userAgent.left(256);
    session.createdAtMs = session.lastSeenAtMs = m_clock.nowMs();
    session.expiresAtMs = session.createdAtMs + lifetimeSecs * 1000;
    session.refreshHash = refreshHash;
    if (!m_repository.insert(session)) {
        qCWarning(lcSessions) << "could not store a new session";
        return nullptr;
    }
    const QString id = session.id;
    const auto it = m_live.insert(id, std::move(session));
    emit sessionOpened(id, accountId);
    return &*it;
}

const SessionRecord* SessionStore::find(const QString& id) const
{
    const auto it = m_live.constFind(id);
    if (it == m_live.cend() || it->expiresAtMs <= m_clock.nowMs())
        return nullptr;
    return &*it;
}

void SessionStore::markSeen(const QString& id)
{
    const auto it = m_live.find(id);
    if (it == m_live.end())
        return;
    const qint64 now = m_clock.nowMs();
    // Only a change worth writing (a minute) goes to the batch: last-seen is for people, not for security.
    if (now - it->lastSeenAtMs < 60'000)
        return;
    it->lastSeenAtMs = now;
    m_lastSeen.add({id, now});
}

bool SessionStore::setRefresh(const QString& id, const QByteArray& refreshHash, qint64 expiresAtMs)
{
    const auto it = m_live.find(id);
    if (it == m_live.end() || !m_repository.setRefreshHash(id, refreshHash, expiresAtMs))
        return false;
    it->refreshHash = refreshHash;
    it->expiresAtMs = expiresAtMs;
    return true;
}

bool SessionStore::revoke(const QString& id)
{
    if (!m_repository.revoke(id, m_clock.nowMs()))
        return false;
    forget({id});
    return true;
}

std::optional<std::vector<QString>> SessionStore::revokeAllOf(qint64 accountId)
{
    auto ended = m_repository.revokeAllOf(accountId, m_clock.nowMs());
    if (ended)
        forget(*ended);
    return ended;
}

void SessionStore::forget(const std::vector<QString>& ids)
{
    for (const QString& id : ids) {
        if (m_live.remove(id))
            emit sessionEnded(id);
    }
}

void SessionStore::forgetAccount(qint64 accountId)
{
    std::vector<QString> ids;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->accountId == accountId)
            ids.push_back(it.key());
    }
    forget(ids);
}

std::vector<SessionRecord> SessionStore::list(qint64 accountId) const
{
    const qint64 now = m_clock.nowMs();
    std::vector<SessionRecord> sessions;
    for (const SessionRecord& session : m_live) {
        if ((accountId == 0 || session.accountId == accountId) && session.expiresAtMs > now)
            sessions.push_back(session);
    }
    std::sort(sessions.begin(), sessions.end(),
              [](const auto& a, const auto& b) { return a.createdAtMs > b.createdAtMs; });
    return sessions;
}

void SessionStore::dropExpired()
{
    const qint64 now = m_clock.nowMs();
    std::vector<QString> expired;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->expiresAtMs <= now)
            expired.push_back(it.key());
    }
    forget(expired);
}
