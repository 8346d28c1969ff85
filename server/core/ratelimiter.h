#pragma once

#include "core/batchedwriter.h"
#include "storage/ratelimiteventrepository.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <deque>
#include <optional>

class Clock;

struct RateLimitSettings
{
    int maxLoginAttempts = 5;      // 0 = failures never lock
    int windowSecs = 900;
    double requestsPerSecond = 20; // 0 = no token bucket
    int burst = 60;
};

// One limiter for every dialect. Two mechanisms, both per client IP:
// - failed authentications in a sliding window: at maxLoginAttempts failures the IP's
//   password logins are locked until the oldest failure leaves the window. A success
//   does not clear the window: otherwise an attacker who knows one account's password
//   could reset the counter between guesses at another account.
// - a token bucket over all requests.
// Every failure, lockout and throttling episode goes to the rate-limit log (batched).
class RateLimiter : public QObject
{
    Q_OBJECT

public:
    RateLimiter(RateLimitSettings settings, RateLimitEventRepository& events, const Clock& clock,
                QObject* parent = nullptr);

    // Rebuilds the failure windows from the log, so a restart does not lift a lockout; also
    // called when another process changed the log (an "unblock" there discards that IP's
    // earlier failures here).
    void restore();

    // Seconds until `ip` may try a password again, or nullopt if it may now.
    std::optional<int> lockedFor(const QString& ip) const;
    // Records a refused attempt made while locked (it is answered 429).
    void recordLockedAttempt(const QString& ip, const QString& dialect, const QString& username);
    void recordFailure(const QString& ip, const QString& dialect, const QString& username, const QString& detail);

    // Token bucket; false = answer 429 with Retry-After: 1.
    bool allowRequest(const QString& ip);

    // Lifts a lockout (an operator's decision); returns whether the IP was locked.
    bool unblock(const QString& ip, const QString& actor);
    QStringList lockedIps() const;
    // The log, newest first (pending events are written first, so nothing is missing).
    std::vector<RateLimitEventRecord> recentEvents(qint64 sinceMs, int limit, const QString& clientIp = {});

    void flush() { m_log.flushNow(); }

signals:
    void loginFailed(const QString& ip, const QString& username);
    void ipLocked(const QString& ip, int seconds);
    void ipUnlocked(const QString& ip);
    // Every entry of the rate-limit log as it is made (the control panel's live view).
    void eventLogged(const RateLimitEventRecord& event);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        bool throttling = false;
    };

    void prune(std::deque<qint64>& failures, qint64 nowMs) const;
    void log(const QString& ip, const QString& kind, const QString& dialect, const QString& username,
             const QString& detail);
    void sweepBuckets();

    RateLimitSettings m_settings;
    RateLimitEventRepository& m_events;
    const Clock& m_clock;
    mutable QHash<QString, std::deque<qint64>> m_failures;
    QHash<QString, Bucket> m_buckets;
    BatchedWriter<RateLimitEventRecord> m_log;
};
