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
