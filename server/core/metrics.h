#pragma once

#include <QByteArray>

#include <array>
#include <atomic>

// What the server did, counted for `GET /metrics` (Prometheus text format 0.0.4). Every
// counter is a relaxed atomic in a fixed array, indexed by enums: counting costs one atomic
// add, no lock, no allocation and no look-up by name on the request path. The text is
// written only when someone scrapes.
class Metrics
{
public:
    // The dialects of http/dialect.h, in its order; an index out of range (none expected:
    // every path has a dialect) is counted in one more row, "none".
    static constexpr int Dialects = 4;
    enum class Method {
        Bearer,
        Basic,
        ApiToken,
        Password,
        Oidc,
        Count
    };
    enum class Outcome {
        Success,
        Failure,
        Refused,
        Unavailable,
        Count
    };
    // Upper bounds of the request latency histogram, in microseconds (le="0.0001" ... "1").
    static constexpr std::array<qint64, 10> LatencyBucketsUs = {100,   250,    500,    1'000,   2'500,
                                                                5'000, 10'000, 50'000, 250'000, 1'000'000};

    // One answered request: its dialect (index as above), status and time from framing to answer.
    void request(int dialect, int status, qint64 elapsedUs);
    void authentication(Method method, Outcome outcome);
    void lockout() { m_lockouts.fetch_add(1, std::memory_order_relaxed); }
    void tlsHandshakeFailure() { m_handshakeFailures.fetch_add(1, std::memory_order_relaxed); }

    // What others keep, read by the caller when someone scrapes.
    struct Snapshot
    {
        qint64 liveSessions = 0;
        qint64 apiTokens = 0;
        qint64 lockedAddresses = 0;
        qint64 hashQueueDepth = 0; // jobs waiting or running
        qint64 hashQueueCapacity = 0;
        quint64 hashJobs = 0;      // jobs started since start-up
        quint64 hashWaitSumUs = 0; // their time in the queue before a thread took them
    };
    QByteArray render(const Snapshot& snapshot) const;

private:
    static constexpr int Statuses = 600; // 100..599; anything else is counted as 0
    using Counter = std::atomic<quint64>;

    std::array<std::array<Counter, Statuses>, Dialects + 1> m_requests{};
    std::array<Counter, LatencyBucketsUs.size() + 1> m_latencyBuckets{}; // the last is +Inf
    Counter m_latencySumUs{0};
    std::array<std::array<Counter, int(Outcome::Count)>, int(Method::Count)> m_authentications{};
    Counter m_lockouts{0};
    Counter m_handshakeFailures{0};
};
