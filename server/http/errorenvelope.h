#pragma once

#include "core/autherror.h"
#include "http/dialect.h"
#include "http/responder.h"

#include <QByteArray>
#include <QJsonObject>

// The one place errors become HTTP: the status code of each error, and its body in the
// envelope of each dialect (API.md):
//   flex     {"error": "<text>"}; 429 {"message", "code": "RATE_LIMITED", "retry_after_seconds"}
//   rest     {"status": "error", "error": "<code>", "message": "<text>"}
//   manager  {"error": "<code>", "message": "<text>"}
//   forward-auth: 401 or 403, no body
// 429 and 503 carry Retry-After.
struct ErrorResponse
{
    int status = 400;
    QJsonObject body;
    HeaderList headers;
};

ErrorResponse renderError(Dialect dialect, const AuthError& error);
void sendError(Responder& responder, Dialect dialect, const AuthError& error);

// Refusals only the transport makes, never core: the router's 405 and a plain GET of a
// WebSocket endpoint's 426 through sendTransportError(); the connection guard's own answers
// (400, 403, 404, 413, 429, 431) through renderTransportError(), as the JSON body in the
// envelope of the dialect that owns `path`.
void sendTransportError(Responder& responder, Dialect dialect, int status, const QString& message);
QByteArray renderTransportError(QStringView path, int status, const QString& message);
