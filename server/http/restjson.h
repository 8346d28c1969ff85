#pragma once

#include "core/autherror.h"
#include "http/responder.h"

#include <QJsonObject>
#include <QString>

#include <optional>

struct HttpRequest;

// The rest dialect's answers: the success envelope, errors, and reading a body or a query
// number or answering 400. The records inside answers are values/recordjson.h.
namespace RestJson {

// {"status": "success"} plus `fields`.
QJsonObject success(QJsonObject fields = {});
void sendSuccess(Responder& responder, int status, QJsonObject fields = {});
void sendError(Responder& responder, AuthError::Code code, const QString& message);

// The JSON object body, or nullopt after answering 400.
std::optional<QJsonObject> requireObject(const HttpRequest& request, Responder& responder, const QString& shape);
// Query parameter `name` as an integer in [min, max]; absent gives `fallback`; anything
// else is answered 400 and gives nullopt.
std::optional<qint64> queryInteger(const HttpRequest& request, Responder& responder, const QString& name, qint64 min,
                                   qint64 max, qint64 fallback);

} // namespace RestJson
