#pragma once

#include "core/autherror.h"
#include "http/dialect.h"
#include "http/responder.h"

#include <QByteArray>
#include <QJsonObject>

// Renders an AuthError in the envelope of a dialect (API.md):
//   flex     {"error": "<text>"}; 429 {"message", "code": "RATE_LIMITED", "retry_after_seconds"}
//   rest     {"status": "error", "error": "<code>", "message": "<text>"}
//   manager  {"error": "<code>", "message": "<text>"}
// 429 and 503 carry Retry-After. This is the one place errors become HTTP.
struct ErrorResponse
{
    int status = 400;
    QJsonObject body;
    HeaderList headers;
};

ErrorResponse renderError(Dialect dialect, const AuthError& error);
void sendError(Responder& responder, Dialect dialect, const AuthError& error);

// For errors the connection guard answers itself (400, 413, 431): the JSON body in the
// envelope of the dialect that owns `path`.
QByteArray renderTransportError(QStringView path, int status, const QString& message);
