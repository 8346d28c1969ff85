#pragma once

#include "core/batchedwriter.h"
#include "storage/ratelimiteventrepository.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

class Clock;

struct RateLimitSettings
{
    int maxLoginAttempts = 5; // 0 = failures never lock
    int windowSecs = 900;
    double requestsPerSecond = 20; // 0 = no token bucket
    int burst = 60;
};

// One limiter for every dialect. Two mechanisms, both per client IP:
// - failed authentications in a sliding window: at maxLoginAttempts failures the IP's
//   password logins are locked until the oldest failure leaves the window. A success
//   does not clear the window: otherwise an attacker who knows one account's password
//   could reset the counter between guesses at another account. A password attempt takes
//   one of the window's places *before* its hash runs (admitAttempt), so a burst of
//   concurrent guesses cannot all be checked before the first of them is counted; attempts
//   beyond the places left wait for the checks in progress, and so get the answers they
//   would have got one after the other.
// - a token bucket over all requests.
// The rate-limit log: each failure that counts toward a lockout, and the lockout itself, is
// committed before the caller answers (a crash must not lift a lockout a client was shown).
// Whatever adds nothing to a lockout — attempts while locked, failures with lockouts off —
// is tallied in memory and written as one row per IP and kind of attempt per batch, so a
// flood costs a few rows a second, not one per request. The rest is batched.
class RateLimiter : public QObject
{
    Q_OBJECT

public:
    RateLimiter(RateLimitSettings settings, RateLimitEventRepository& events, const Clock& clock,
                QObject* parent = nullptr);
    ~RateLimiter() override;

    // Rebuilds the failure windows from the log, so a restart does not lift a lockout; also
    // called when another process changed the log (an "unblock" there discards that IP's
    // earlier failures here).
    void restore();

    // Seconds until `ip`'s failures let it try a password again, or nullopt if they do now.
    std::optional<int> lockedFor(const QString& ip) const;
    // Asked before a password is hashed; `decided` runs once — at once, or when a check in
    // progress ends if the IP's failures and checks fill the window. nullopt: admitted, the
    // attempt holds a place until finishAttempt(); else refused (429, Retry-After: the
    // seconds given) and tallied like recordLockedAttempt().
    using Admission = std::function<void(std::optional<int> refusedForSecs)>;
    void admitAttempt(const QString& ip, const QString& dialect, const QString& username, Admission decided);
    // An admitted attempt's check is over (or never ran) — a wrong password recorded first
    // with recordFailure(): its place is free, and the attempts waiting for one are decided.
    void finishAttempt(const QString& ip);
    // Tallies a refused attempt made while locked (it is answered 429).
    void recordLockedAttempt(const QString& ip, const QString& dialect, const QString& username);
    // Counts a failure. False when it counts toward a lockout but could not be committed: it
    // still counts here, and the caller answers 503 rather than a failure that would not
    // survive a crash.
    bool recordFailure(const QString& ip, const QString& dialect, const QString& username, const QString& detail);

    // Token bucket; false = answer 429 with Retry-After: 1.
    bool allowRequest(const QString& ip);

    // Lifts a lockout (an operator's decision) once the "unblock" entry is committed; false
    // (and the lockout stays) when it could not be.
    bool unblock(const QString& ip, const QString& actor);
    QStringList lockedIps() const;
    // The log, newest first (pending events are written first, so nothing is missing).
    std::vector<RateLimitEventRecord> recentEvents(qint64 sinceMs, int limit, const QString& clientIp = {});

    void flush() { m_log.flushNow(); }

signals:
    void loginFailed(const QString& ip, const QString& username);
    void ipLocked(const QString& ip, int seconds);
    void ipUnlocked(const QString& ip);
    // Every entry of the rate-limit log once it is written (the control panel's live view).
    void eventLogged(const RateLimitEventRecord& event);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        bool throttling = false;
    };
    struct WaitingAttempt
    {
        QString dialect;
        QString username;
        Admission decided;
    };
    // An entry waiting for the next write; `tallyKey` names a tally whose count it carries.
    struct PendingEvent
    {
        RateLimitEventRecord event;
        QString tallyKey;
    };

    int failureCount(const QString& ip) const; // in the window now
    bool hasPlace(const QString& ip) const;
    void decideWaiting(const QString& ip);
    void prune(std::deque<qint64>& failures, qint64 nowMs) const;
    RateLimitEventRecord event(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
                               const QString& detail) const;
    void log(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
             const QString& detail);
    void tally(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
               const QString& what);
    // Writes what is pending now; false when the database refused it.
    bool commit();
    void write(std::vector<PendingEvent> batch);
    void sweepBuckets();

    RateLimitSettings m_settings;
    RateLimitEventRepository& m_events;
    const Clock& m_clock;
    mutable QHash<QString, std::deque<qint64>> m_failures;
    QHash<QString, int> m_checking; // admitted attempts whose check is not over, per IP
    QHash<QString, std::deque<WaitingAttempt>> m_waiting;
    QHash<QString, Bucket> m_buckets;
    QHash<QString, int> m_tallies; // counts of the tallied entries pending, by tallyKey
    bool m_lastWriteOk = true;
    BatchedWriter<PendingEvent> m_log; // last: its destructor writes what is pending
};
