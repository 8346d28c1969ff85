#include "core/ratelimiter.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QTimer>

#include <algorithm>

namespace {
constexpr int LogFlushMs = 1000;
constexpr int BucketSweepMs = 60'000;
constexpr qint64 RetentionMs = 30LL * 24 * 3600 * 1000; // the log keeps 30 days
// Attempts of one IP waiting for a place; beyond, refused at once (429, retry in a second):
// a waiting attempt costs no hash but holds its request.
constexpr size_t MaxWaitingPerIp = 64;
} // namespace

RateLimiter::RateLimiter(RateLimitSettings settings, RateLimitEventRepository& events, const Clock& clock,
                         QObject* parent)
    : QObject(parent), m_settings(settings), m_events(events), m_clock(clock),
      m_log(LogFlushMs, [this](std::vector<PendingEvent> batch) { write(std::move(batch)); })
{
    auto* sweep = new QTimer(this);
    sweep->setInterval(BucketSweepMs);
    connect(sweep, &QTimer::timeout, this, &RateLimiter::sweepBuckets);
    sweep->start();
}

RateLimiter::~RateLimiter()
{
    blockSignals(true); // m_log's destructor writes what is pending, with nobody left to tell
}

void RateLimiter::restore()
{
    m_log.flushNow(); // this process's pending entries belong in the log before it is read
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

int RateLimiter::failureCount(const QString& ip) const
{
    const auto it = m_failures.find(ip);
    if (it == m_failures.end())
        return 0;
    prune(*it, m_clock.nowMs());
    return int(it->size());
}

std::optional<int> RateLimiter::lockedFor(const QString& ip) const
{
    if (m_settings.maxLoginAttempts <= 0 || failureCount(ip) < m_settings.maxLoginAttempts)
        return std::nullopt;
    const std::deque<qint64>& failures = *m_failures.constFind(ip);
    // Locked until enough failures leave the window to drop below the limit: with the
    // documented semantics (MAX failures lock), that is when the oldest one leaves.
    const qint64 oldestCounted = failures[failures.size() - m_settings.maxLoginAttempts];
    const qint64 freeAt = oldestCounted + qint64(m_settings.windowSecs) * 1000;
    return int(std::max<qint64>(1, (freeAt - m_clock.nowMs() + 999) / 1000));
}

// Attempts still being checked count as if they had failed: a hash takes tens of milliseconds,
// and counting only finished failures let a concurrent burst of guesses all be checked
// (issue 11). A success gives its place back (finishAttempt).
bool RateLimiter::hasPlace(const QString& ip) const
{
    return failureCount(ip) + m_checking.value(ip) < m_settings.maxLoginAttempts;
}

void RateLimiter::admitAttempt(const QString& ip, const QString& dialect, const QString& username, Admission decided)
{
    if (m_settings.maxLoginAttempts <= 0) {
        decided(std::nullopt);
        return;
    }
    std::optional<int> refusal = lockedFor(ip);
    if (!refusal && !hasPlace(ip)) {
        auto& waiting = m_waiting[ip];
        if (waiting.size() < MaxWaitingPerIp) {
            waiting.push_back(WaitingAttempt{dialect, username, std::move(decided)});
            return;
        }
        refusal = 1;
    }
    if (refusal) {
        recordLockedAttempt(ip, dialect, username);
        decided(refusal);
        return;
    }
    ++m_checking[ip];
    decided(std::nullopt);
}

void RateLimiter::finishAttempt(const QString& ip)
{
    const auto it = m_checking.find(ip);
    if (it != m_checking.end() && --*it <= 0)
        m_checking.erase(it);
    decideWaiting(ip);
}

void RateLimiter::decideWaiting(const QString& ip)
{
    // Looked up afresh each time: a decision may come back here (a refused hash job ends
    // its attempt at once).
    for (auto it = m_waiting.find(ip); it != m_waiting.end(); it = m_waiting.find(ip)) {
        const std::optional<int> locked = lockedFor(ip);
        if (it->empty() || (!locked && !hasPlace(ip))) {
            if (it->empty())
                m_waiting.erase(it);
            return;
        }
        WaitingAttempt next = std::move(it->front());
        it->pop_front();
        if (locked)
            recordLockedAttempt(ip, next.dialect, next.username);
        else
            ++m_checking[ip];
        next.decided(locked);
    }
}

void RateLimiter::recordLockedAttempt(const QString& ip, const QString& dialect, const QString& username)
{
    tally(ip, QStringLiteral("locked"), dialect, username, QStringLiteral("attempt refused while locked (429)"));
}

bool RateLimiter::recordFailure(const QString& ip, const QString& dialect, const QString& username,
                                const QString& detail)
{
    emit loginFailed(ip, username);
    const bool lockouts = m_settings.maxLoginAttempts > 0;
    if (!lockouts || lockedFor(ip)) {
        // Adds nothing to a lockout, so it is tallied: a flood of unknown API tokens from a
        // locked address must not become a flood of database writes.
        tally(ip, QLatin1String(lockouts ? "locked" : "failure"), dialect, username, detail);
        return true;
    }
    auto& failures = m_failures[ip]; // pruned by lockedFor()
    failures.push_back(m_clock.nowMs());
    log(ip, QStringLiteral("failure"), dialect, username, detail);
    const bool locks = int(failures.size()) == m_settings.maxLoginAttempts;
    if (locks)
        log(ip, QStringLiteral("lockout"), dialect, username,
            QStringLiteral("%1 failures within %2 s").arg(failures.size()).arg(m_settings.windowSecs));
    // Committed before the caller answers: batched, the failures of a lockout were lost to a
    // crash within the second, and the lockout with them (issue 11). One small commit per
    // failure is cheap next to the password hash each one costs.
    const bool committed = commit();
    if (locks) {
        const int seconds = lockedFor(ip).value_or(m_settings.windowSecs);
        qCInfo(lcRateLimit).noquote() << "locked" << ip << "for" << seconds << "s";
        emit ipLocked(ip, seconds);
    }
    return committed;
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
    log(ip, QStringLiteral("unblock"), QString(), QString(), QStringLiteral("lifted by %1").arg(actor));
    // Lifted only once that is committed: a lockout an operator was told is gone must not
    // come back with a restart.
    if (!commit())
        return false;
    const bool wasLocked = lockedFor(ip).has_value();
    m_failures.remove(ip);
    if (wasLocked)
        emit ipUnlocked(ip);
    return true;
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

RateLimitEventRecord RateLimiter::event(const QString& ip, const QString& kind, const QString& dialect,
                                        const QString& username, const QString& detail) const
{
    return RateLimitEventRecord{0, m_clock.nowMs(), ip, kind, dialect, username.left(128), detail};
}

void RateLimiter::log(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
                      const QString& detail)
{
    m_log.add(PendingEvent{event(ip, kind, dialect, username, detail), QString()});
}

void RateLimiter::tally(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
                        const QString& what)
{
    // One entry per IP, kind and description per batch; it keeps the first attempt's
    // dialect and username, and write() puts the count in its detail.
    const QString key = ip + u'\n' + kind + u'\n' + what;
    const auto it = m_tallies.find(key);
    if (it != m_tallies.end()) {
        ++*it;
        return;
    }
    m_tallies.insert(key, 1);
    m_log.add(PendingEvent{event(ip, kind, dialect, username, what), key});
}

bool RateLimiter::commit()
{
    m_lastWriteOk = true; // stays so when nothing is pending
    m_log.flushNow();
    return m_lastWriteOk;
}

void RateLimiter::write(std::vector<PendingEvent> batch)
{
    std::vector<RateLimitEventRecord> events;
    events.reserve(batch.size());
    for (PendingEvent& pending : batch) {
        const int count = pending.tallyKey.isEmpty() ? 1 : m_tallies.take(pending.tallyKey);
        if (count > 1)
            pending.event.detail = QStringLiteral("%1 times: %2").arg(QString::number(count), pending.event.detail);
        events.push_back(std::move(pending.event));
    }
    m_lastWriteOk = m_events.append(events);
    if (!m_lastWriteOk) {
        qCWarning(lcRateLimit) << "could not write" << events.size() << "rate-limit events";
        return;
    }
    for (const RateLimitEventRecord& event : events)
        emit eventLogged(event);
}

void RateLimiter::sweepBuckets()
{
    const qint64 now = m_clock.nowMs();
    const double refillMs =
        m_settings.requestsPerSecond > 0 ? 1000.0 * m_settings.burst / m_settings.requestsPerSecond : 0;
    m_buckets.removeIf([&](const auto& entry) { return double(now - entry.value().updatedMs) > refillMs; });
    m_failures.removeIf([&](auto& entry) {
        prune(entry.value(), now);
        return entry.value().empty();
    });
}
