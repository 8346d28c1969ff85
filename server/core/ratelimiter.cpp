#include "core/ratelimiter.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QTimer>

#include <algorithm>

namespace {
constexpr int LogFlushMs = 1000;
constexpr int BucketSweepMs = 60'000;
constexpr qint64 RetentionMs = 30LL * 24 * 3600 * 1000; // the log keeps 30 days
}

RateLimiter::RateLimiter(RateLimitSettings settings, RateLimitEventRepository& events, const Clock& clock,
                         QObject* parent)
    : QObject(parent), m_settings(settings), m_events(events), m_clock(clock),
      m_log(LogFlushMs, [this](std::vector<RateLimitEventRecord> batch) {
          if (!m_events.append(batch))
              qCWarning(lcRateLimit) << "could not write" << batch.size() << "rate-limit events";
      })
{
    auto* sweep = new QTimer(this);
    sweep->setInterval(BucketSweepMs);
    connect(sweep, &QTimer::timeout, this, &RateLimiter::sweepBuckets);
    sweep->start();
}

void RateLimiter::restore()
{
    m_log.flushNow(); // this process's pending failures belong in the rebuilt windows
    const qint64 since = m_clock.nowMs() - qint64(m_settings.windowSecs) * 1000;
    const auto events = m_events.windowEventsSince(since);
    // A failed read keeps the windows as they are: it must not lift every lockout.
    if (!events)
        return;
    const QStringList wasLocked = lockedIps();
    m_failures.clear();
    for (const RateLimitEventRecord& event : *events) {
        // An operator lifted the lockout, here or in another process: earlier failures no longer count.
        if (event.kind == u"unblock")
            m_failures.remove(event.clientIp);
        else
            m_failures[event.clientIp].push_back(event.atMs);
    }
    for (const QString& ip : wasLocked) {
        if (!lockedFor(ip))
            emit ipUnlocked(ip);
    }
    m_events.purge(m_clock.nowMs() - RetentionMs);
}

void RateLimiter::prune(std::deque<qint64>& failures, qint64 nowMs) const
{
    const qint64 windowStart = nowMs - qint64(m_settings.windowSecs) * 1000;
    while (!failures.empty() && failures.front() <= windowStart)
        failures.pop_front();
}

std::optional<int> RateLimiter::lockedFor(const QString& ip) const
{
    if (m_settings.maxLoginAttempts <= 0)
        return std::nullopt;
    const auto it = m_failures.find(ip);
    if (it == m_failures.end())
        return std::nullopt;
    const qint64 now = m_clock.nowMs();
    prune(*it, now);
    if (int(it->size()) < m_settings.maxLoginAttempts)
        return std::nullopt;
    // Locked until enough failures leave the window to drop below the limit: with the
    // documented semantics (MAX failures lock), that is when the oldest one leaves.
    const qint64 freeAt = (*it)[it->size() - m_settings.maxLoginAttempts] + qint64(m_settings.windowSecs) * 1000;
    return int(std::max<qint64>(1, (freeAt - now + 999) / 1000));
}

void RateLimiter::recordLockedAttempt(const QString& ip, const QString& dialect, const QString& username)
{
    log(ip, QStringLiteral("locked"), dialect, username, QStringLiteral("attempt refused while locked (429)"));
}

void RateLimiter::recordFailure(const QString& ip, const QString& dialect, const QString& username,
                                const QString& detail)
{
    auto& failures = m_failures[ip];
    const qint64 now = m_clock.nowMs();
    prune(failures, now);
    failures.push_back(now);
    log(ip, QStringLiteral("failure"), dialect, username, detail);
    emit loginFailed(ip, username);
    if (m_settings.maxLoginAttempts > 0 && int(failures.size()) == m_settings.maxLoginAttempts) {
        const int seconds = lockedFor(ip).value_or(m_settings.windowSecs);
        log(ip, QStringLiteral("lockout"), dialect, username,
            QStringLiteral("%1 failures within %2 s").arg(failures.size()).arg(m_settings.windowSecs));
        qCInfo(lcRateLimit).noquote() << "locked" << ip << "for" << seconds << "s";
        emit ipLocked(ip, seconds);
    }
}

bool RateLimiter::allowRequest(const QString& ip)
{
    if (m_settings.requestsPerSecond <= 0)
        return true;
    const qint64 now = m_clock.nowMs();
    auto it = m_buckets.find(ip);
    if (it == m_buckets.end())
        it = m_buckets.insert(ip, Bucket{double(m_settings.burst), now, false});
    Bucket& bucket = *it;
    const double elapsedSecs = double(std::max<qint64>(0, now - bucket.updatedMs)) / 1000.0;
    bucket.tokens = std::min(double(m_settings.burst), bucket.tokens + elapsedSecs * m_settings.requestsPerSecond);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        bucket.throttling = false;
        return true;
    }
    // One log row per throttling episode, not per refused request: a flood must not
    // turn into a flood of database writes.
    if (!bucket.throttling) {
        bucket.throttling = true;
        log(ip, QStringLiteral("throttled"), QString(), QString(),
            QStringLiteral("over %1 requests/s (burst %2)").arg(m_settings.requestsPerSecond).arg(m_settings.burst));
    }
    return false;
}

bool RateLimiter::unblock(const QString& ip, const QString& actor)
{
    const bool wasLocked = lockedFor(ip).has_value();
    m_failures.remove(ip);
    log(ip, QStringLiteral("unblock"), QString(), QString(), QStringLiteral("lifted by %1").arg(actor));
    if (wasLocked)
        emit ipUnlocked(ip);
    return wasLocked;
}

QStringList RateLimiter::lockedIps() const
{
    QStringList locked;
    for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it) {
        if (lockedFor(it.key()))
            locked.append(it.key());
    }
    return locked;
}

std::vector<RateLimitEventRecord> RateLimiter::recentEvents(qint64 sinceMs, int limit, const QString& clientIp)
{
    m_log.flushNow();
    return m_events.recent(sinceMs, limit, clientIp);
}

void RateLimiter::log(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
                      const QString& detail)
{
    RateLimitEventRecord event{0, m_clock.nowMs(), ip, kind, dialect, username.left(128), detail};
    emit eventLogged(event);
    m_log.add(std::move(event));
}

void RateLimiter::sweepBuckets()
{
    const qint64 now = m_clock.nowMs();
    const double refillMs = m_settings.requestsPerSecond > 0 ? 1000.0 * m_settings.burst / m_settings.requestsPerSecond : 0;
    m_buckets.removeIf([&](const auto& entry) { return double(now - entry.value().updatedMs) > refillMs; });
    m_failures.removeIf([&](auto& entry) {
        prune(entry.value(), now);
        return entry.value().empty();
    });
}
