#pragma once

#include <QString>

// How the panel writes times: local time, to the second, and short durations.
namespace TimeFormat {

QString dateTime(qint64 ms);        // "2026-01-27 11:30:05"; "" for 0
QString dateTimeOrNever(qint64 ms); // "never" for 0
QString duration(qint64 seconds);   // "45 s", "12 min", "3 h 5 min", "2 d 4 h"

} // namespace TimeFormat
