#include "eventloopprobe.h"

#include <algorithm>

EventLoopProbe::EventLoopProbe(int intervalMs, QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::tick);
}

void EventLoopProbe::start()
{
    m_maxGapNs = 0;
    m_ticks = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void EventLoopProbe::stop()
{
    m_timer.stop();
    tick(); // the time since the last tick counts too
}

void EventLoopProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_maxGapNs = std::max(m_maxGapNs, now - m_lastNs);
    m_lastNs = now;
    ++m_ticks;
}
