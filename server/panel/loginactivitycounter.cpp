#include "panel/loginactivitycounter.h"

namespace {
constexpr qint64 MinuteMs = 60'000;
}

void LoginActivityCounter::add(qint64 atMs, bool success)
{
    Counts& counts = m_minutes[minuteOf(atMs)];
    if (success)
        ++counts.successes;
    else
        ++counts.failures;
}

LoginActivity LoginActivityCounter::snapshot(qint64 nowMs) const
{
    LoginActivity activity;
    activity.firstMinuteMs = minuteOf(nowMs) - (LoginActivity::Minutes - 1) * MinuteMs;
    activity.successes.fill(0, LoginActivity::Minutes);
    activity.failures.fill(0, LoginActivity::Minutes);
    for (auto it = m_minutes.lowerBound(activity.firstMinuteMs); it != m_minutes.cend(); ++it) {
        const qint64 index = (it.key() - activity.firstMinuteMs) / MinuteMs;
        if (index >= LoginActivity::Minutes)
            break; // a clock that went backwards: minutes "from the future" wait their turn
        activity.successes[index] = it->successes;
        activity.failures[index] = it->failures;
    }
    return activity;
}

void LoginActivityCounter::prune(qint64 nowMs)
{
    const qint64 first = minuteOf(nowMs) - (LoginActivity::Minutes - 1) * MinuteMs;
    while (!m_minutes.isEmpty() && m_minutes.firstKey() < first)
        m_minutes.erase(m_minutes.begin());
}
