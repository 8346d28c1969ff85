#include "values/isotime.h"

#include <QDateTime>

#include <chrono>
#include <cstdio>

namespace {

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value / divisor - (value % divisor < 0 ? 1 : 0);
}

} // namespace

QString isoUtc(qint64 msSinceEpoch)
{
    // Formatted by hand: QDateTime::toString costs more than the rest of a bearer request.
    using namespace std::chrono;
    const sys_seconds time{seconds{floorDiv(msSinceEpoch, 1000)}};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    char text[32];
    const int length = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()),
                                     unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                                     int(clock.minutes().count()), int(clock.seconds().count()));
    return QString::fromLatin1(text, length);
}

std::optional<qint64> parseIsoTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}
