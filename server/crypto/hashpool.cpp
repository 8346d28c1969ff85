#include "crypto/hashpool.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

HashPool::HashPool(int threads, int maxQueued) : m_maxQueued(maxQueued)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("hash-pool"));
}

HashPool::~HashPool()
{
    m_pool.waitForDone();
}

void HashPool::lowerThreadPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // Linux keeps a nice value per thread; PRIO_PROCESS with a thread id sets just this one.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
}

bool HashPool::reserve()
{
    int current = m_inFlight.load();
    while (current < m_maxQueued) {
        if (m_inFlight.compare_exchange_weak(current, current + 1))
            return true;
    }
    return false;
}
