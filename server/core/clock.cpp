#include "core/clock.h"

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}
