#pragma once

#include "values/monotonicclock.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <functional>

// The bounded pool that runs password hashing and dictionary checks off the event loop.
// submit() refuses work when `maxQueued` jobs are already waiting or running, so a login
// storm turns into fast 503 + Retry-After answers instead of a queue that stalls every
// other request. `done` runs on `context`'s thread; `context` must outlive the pool.
class HashPool
{
public:
    HashPool(int threads, int maxQueued);
    ~HashPool(); // waits for running jobs

    template <typename Result>
    bool submit(QObject* context, std::function<Result()> work, std::function<void(Result)> done)
    {
        if (!reserve())
            return false;
        m_pool.start([this, context, queuedAt = monotonicUs(), work = std::move(work),
                      done = std::move(done)]() mutable {
            m_waitSumUs.fetch_add(quint64(monotonicUs() - queuedAt), std::memory_order_relaxed);
            m_started.fetch_add(1, std::memory_order_relaxed);
            lowerThreadPriority();
            Result result = work();
            release();
            QMetaObject::invokeMethod(
                context, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        });
        return true;
    }

    int inFlight() const { return m_inFlight.load(); }
    int capacity() const { return m_maxQueued; }
    // Jobs a thread took since start-up, and their time in the queue before it did.
    quint64 startedJobs() const { return m_started.load(std::memory_order_relaxed); }
    quint64 waitedUs() const { return m_waitSumUs.load(std::memory_order_relaxed); }
    void waitForDone() { m_pool.waitForDone(); }

private:
    bool reserve();
    // Hashing threads run at the lowest CPU priority (nice 19) under the event loop: a login
    // storm then slows logins, not every other request (health checks, bearer requests).
    static void lowerThreadPriority();
    void release() { m_inFlight.fetch_sub(1); }

    QThreadPool m_pool;
    const int m_maxQueued;
    std::atomic<int> m_inFlight{0};
    std::atomic<quint64> m_started{0};
    std::atomic<quint64> m_waitSumUs{0};
};
