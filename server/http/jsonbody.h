#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// The request body as a JSON object, or nullopt for anything else (empty, malformed,
// an array). Content-Type is not insisted on: clients that forget it still work.
std::optional<QJsonObject> parseJsonObject(const QByteArray& body);

// A required string member; nullopt when absent or not a string.
std::optional<QString> stringField(const QJsonObject& object, const QString& name);

// "2026-01-28T10:30:00Z"
QString isoUtc(qint64 msSinceEpoch);
// An ISO 8601 time ("2026-01-28T10:30:00Z", offsets and milliseconds allowed; without an
// offset it is UTC, like every time this API prints) in ms since the epoch; nullopt if invalid.
std::optional<qint64> parseIsoTime(const QString& text);
