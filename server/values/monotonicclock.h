#pragma once

#include <QtGlobal>

#include <chrono>

// Time on a monotonic clock, for deadlines, latencies and "how long ago": a step of the wall
// clock (NTP, an operator) can neither extend nor cut them. The origin is arbitrary (boot),
// so only differences mean anything; a reading is never 0.
inline qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

inline qint64 monotonicUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}
