#include "crypto/hashpool.h"

HashPool::HashPool(int threads, int maxQueued) : m_maxQueued(maxQueued)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("hash-pool"));
}

HashPool::~HashPool()
{
    m_pool.waitForDone();
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
