#include "panel/panelfeed.h"

#include "core/apitokenservice.h"
#include "core/apitokenstore.h"
#include "core/auditlog.h"
#include "core/authservice.h"
#include "core/clock.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"
#include "panel/panelconvert.h"
#include "server.h"

#include <QTimer>

namespace {

constexpr int BatchMs = 50;                   // how long a burst is collected before it is sent
constexpr int TickMs = 1000;                  // lockouts run out and minutes pass without any signal
constexpr qint64 AttackMemoryMs = 5 * 60'000; // "attack in progress" stays this long after a lockout
constexpr int SeedPageSize = 1000;
constexpr int SeedMaxPages = 50; // counting the last hour reads at most this much of the log

bool changesAccounts(const QString& kind)
{
    // oidc.*: a first OpenID login creates an account or links one.
    return kind.startsWith(u"user.") || kind.startsWith(u"password.") || kind.startsWith(u"oidc.");
}

} // namespace

PanelFeed::PanelFeed(Server& server, QObject* parent) : QObject(parent), m_server(server), m_clock(server.clock())
{}

qint64 PanelFeed::nowMs() const
{
    return m_clock->nowMs();
}

void PanelFeed::attach()
{
    m_urls = PanelConvert::urls(m_server);
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(BatchMs);
    connect(m_batchTimer, &QTimer::timeout, this, &PanelFeed::flush);
    auto* ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, &PanelFeed::tick);
    ticker->start(TickMs);
    seedActivity();
    subscribeSessions();
    subscribeTokens();
    subscribeLogs();
    // `gatehoused users|tokens|sessions ...` changed the database: the pages reload.
    connect(&m_server, &Server::externalChangesLoaded, this, [this] {
        m_accountsDirty = true;
        m_statusDirty = true;
        schedule();
    });
    m_lastMinute = LoginActivityCounter::minuteOf(nowMs());
    m_lastStatus = status();
    emit statusChanged(m_lastStatus);
}

void PanelFeed::subscribeSessions()
{
    SessionStore& sessions = m_server.sessions();
    connect(&sessions, &SessionStore::sessionOpened, this, [this](const QString& id) {
        m_opened.append(id);
        schedule();
    });
    connect(&sessions, &SessionStore::sessionEnded, this, [this](const QString& id) {
        m_ended.append(id);
        schedule();
    });
}

void PanelFeed::subscribeTokens()
{
    ApiTokenStore& tokens = m_server.apiTokenStore();
    connect(&tokens, &ApiTokenStore::tokenCreated, this, [this](qint64 id) {
        m_createdTokens.append(id);
        schedule();
    });
    connect(&tokens, &ApiTokenStore::tokenUsed, this, [this](qint64 id) {
        m_usedTokens.insert(id);
        schedule();
    });
    connect(&tokens, &ApiTokenStore::tokenRevoked, this, [this](qint64 id) {
        m_revokedTokens.append(id);
        schedule();
    });
}

void PanelFeed::subscribeLogs()
{
    RateLimiter& limiter = m_server.limiter();
    connect(&m_server.audit(), &AuditLog::recorded, this, &PanelFeed::onAuditEvent);
    connect(&limiter, &RateLimiter::eventLogged, this, &PanelFeed::onRateLimitEvent);
    connect(&limiter, &RateLimiter::ipLocked, this, [this](const QString& ip, int seconds) {
        m_lastLockoutAtMs = nowMs();
        emit ipLocked(LockoutInfo{ip, seconds});
        publishStatus();
    });
    connect(&limiter, &RateLimiter::ipUnlocked, this, [this](const QString& ip) {
        emit ipUnlocked(ip);
        publishStatus();
    });
}

// The chart starts with the last hour, not empty: its logins are in the audit log.
void PanelFeed::seedActivity()
{
    const qint64 hourAgo = nowMs() - qint64(LoginActivity::Minutes) * 60'000;
    qint64 before = 0;
    for (int page = 0; page < SeedMaxPages; ++page) {
        const std::vector<AuditEventRecord> events = m_server.audit().recent(SeedPageSize, before);
        for (const AuditEventRecord& event : events) {
            if (event.atMs < hourAgo)
                return;
            if (event.kind == u"login")
                m_activity.addSuccess(event.atMs);
            else if (event.kind == u"login.failed")
                m_activity.addFailure(event.atMs);
        }
        if (int(events.size()) < SeedPageSize)
            return;
        before = events.back().id;
    }
}

void PanelFeed::onAuditEvent(const AuditEventRecord& event)
{
    m_auditEvents.append(PanelConvert::auditEvent(event));
    if (event.kind == u"login") {
        m_activity.addSuccess(event.atMs);
        m_activityDirty = true;
    } else if (event.kind == u"login.failed") {
        m_activity.addFailure(event.atMs);
        m_activityDirty = true;
    }
    if (changesAccounts(event.kind)) {
        m_accountsDirty = true;
        m_statusDirty = true; // the device password may have been set or removed
    }
    schedule();
}

void PanelFeed::onRateLimitEvent(const RateLimitEventRecord& event)
{
    m_rateLimitEvents.append(PanelConvert::rateLimitEvent(event));
    schedule();
}

void PanelFeed::schedule()
{
    if (!m_batchTimer->isActive())
        m_batchTimer->start();
}

void PanelFeed::flushNow()
{
    if (m_batchTimer)
        m_batchTimer->stop();
    flush();
}

void PanelFeed::flush()
{
    flushSessions();
    flushTokens();
    if (!m_rateLimitEvents.isEmpty()) {
        QList<RateLimitEventInfo> failures;
        for (const RateLimitEventInfo& event : std::as_const(m_rateLimitEvents)) {
            if (event.kind == u"failure")
                failures.append(event);
        }
        if (!failures.isEmpty())
            emit loginsFailed(failures);
        emit rateLimitEventsLogged(std::exchange(m_rateLimitEvents, {}));
    }
    if (!m_auditEvents.isEmpty())
        emit auditEventsRecorded(std::exchange(m_auditEvents, {}));
    if (std::exchange(m_accountsDirty, false))
        emit accountsChanged();
    if (std::exchange(m_activityDirty, false))
        emit loginActivityChanged(loginActivity());
    if (std::exchange(m_statusDirty, false))
        publishStatus();
}

// A session that opened and ended within one batch is never announced: the store no
// longer finds it, and the GUI ignores the end of a session it never saw.
void PanelFeed::flushSessions()
{
    if (!m_opened.isEmpty()) {
        QList<SessionInfo> opened;
        opened.reserve(m_opened.size());
        for (const QString& id : std::as_const(m_opened)) {
            if (const SessionRecord* session = m_server.sessions().find(id))
                opened.append(PanelConvert::session(*session, m_server.accounts()));
        }
        m_opened.clear();
        m_statusDirty = true;
        if (!opened.isEmpty())
            emit sessionsOpened(opened);
    }
    if (!m_ended.isEmpty()) {
        m_statusDirty = true;
        emit sessionsEnded(std::exchange(m_ended, {}));
    }
}

void PanelFeed::flushTokens()
{
    const auto infos = [this](const auto& ids) {
        QList<ApiTokenInfo> list;
        for (const qint64 id : ids) {
            if (const ApiTokenRecord* token = m_server.apiTokenStore().byId(id))
                list.append(PanelConvert::token(*token, m_server.apiTokens().creatorName(*token)));
        }
        return list;
    };
    if (!m_createdTokens.isEmpty()) {
        m_statusDirty = true;
        const QList<ApiTokenInfo> created = infos(std::exchange(m_createdTokens, {}));
        if (!created.isEmpty())
            emit tokensCreated(created);
    }
    if (!m_usedTokens.isEmpty()) {
        const QList<ApiTokenInfo> used = infos(std::exchange(m_usedTokens, {}));
        if (!used.isEmpty())
            emit tokensUsed(used);
    }
    if (!m_revokedTokens.isEmpty()) {
        m_statusDirty = true;
        emit tokensRevoked(std::exchange(m_revokedTokens, {}));
    }
}

// Once a second: lockouts run out silently, and the chart moves on at each new minute.
void PanelFeed::tick()
{
    const qint64 minute = LoginActivityCounter::minuteOf(nowMs());
    if (minute != m_lastMinute) {
        m_lastMinute = minute;
        m_activity.prune(nowMs());
        emit loginActivityChanged(loginActivity());
    }
    publishStatus();
}

void PanelFeed::publishStatus()
{
    const ServerStatus current = status();
    if (current == m_lastStatus)
        return;
    m_lastStatus = current;
    emit statusChanged(current);
}

ServerStatus PanelFeed::status() const
{
    ServerStatus status;
    status.listening = m_server.port() != 0;
    status.urls = m_urls;
    status.fingerprint = m_server.certificateFingerprint();
    status.authEnabled = m_server.auth().authEnabled();
    status.setupRequired = m_server.auth().setupRequired();
    status.sessionCount = m_server.sessions().liveCount();
    status.tokenCount = m_server.apiTokenStore().count();
    status.lockedIpCount = int(m_server.limiter().lockedIps().size());
    status.lastLockoutAtMs = m_lastLockoutAtMs;
    status.underAttack =
        status.lockedIpCount > 0 || (m_lastLockoutAtMs != 0 && nowMs() - m_lastLockoutAtMs < AttackMemoryMs);
    return status;
}
