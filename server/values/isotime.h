#pragma once

#include <QString>

#include <optional>

// Times as every dialect and the command line print them: "2026-01-28T10:30:00Z".
QString isoUtc(qint64 msSinceEpoch);
// An ISO 8601 time ("2026-01-28T10:30:00Z", offsets and milliseconds allowed; without an
// offset it is UTC, like every time this API prints) in ms since the epoch; nullopt if invalid.
std::optional<qint64> parseIsoTime(const QString& text);
