#include "http/errorenvelope.h"

#include <QJsonDocument>

namespace {

QJsonObject flexBody(const AuthError& error)
{
    if (error.code == AuthError::Code::RateLimited) {
        return {{QStringLiteral("message"), error.message},
                {QStringLiteral("code"), QStringLiteral("RATE_LIMITED")},
                {QStringLiteral("retry_after_seconds"), error.retryAfterSecs}};
    }
    return {{QStringLiteral("error"), error.message}};
}

int flexStatus(const AuthError& error)
{
    // The flex document answers a wrong password with 400, not 401.
    return error.code == AuthError::Code::InvalidCredentials ? 400 : error.httpStatus();
}

QJsonObject codedBody(const AuthError& error, bool restEnvelope)
{
    QJsonObject body{{QStringLiteral("error"), error.codeName()}, {QStringLiteral("message"), error.message}};
    if (restEnvelope)
        body.insert(QStringLiteral("status"), QStringLiteral("error"));
    if (error.code == AuthError::Code::RateLimited)
        body.insert(QStringLiteral("retry_after_seconds"), error.retryAfterSecs);
    return body;
}

// A proxy's auth_request understands 2xx, 401 and 403 only (nginx turns anything else into
// a 500 for the client): "who are you?" is 401, every other refusal 403.
int forwardAuthStatus(const AuthError& error)
{
    const bool unauthenticated =
        error.code == AuthError::Code::Unauthorized || error.code == AuthError::Code::InvalidCredentials;
    return unauthenticated ? 401 : 403;
}

AuthError::Code codeForTransportStatus(int status)
{
    switch (status) {
    case 403:
        return AuthError::Code::Forbidden;
    case 404:
        return AuthError::Code::NotFound;
    case 413:
        return AuthError::Code::PayloadTooLarge;
    case 431:
        return AuthError::Code::HeadersTooLarge;
    default:
        return AuthError::Code::BadRequest;
    }
}

} // namespace

ErrorResponse renderError(Dialect dialect, const AuthError& error)
{
    ErrorResponse response;
    switch (dialect) {
    case Dialect::Flex:
        response.status = flexStatus(error);
        response.body = flexBody(error);
        break;
    case Dialect::Rest:
        response.status = error.httpStatus();
        response.body = codedBody(error, true);
        break;
    case Dialect::Manager:
        response.status = error.httpStatus();
        response.body = codedBody(error, false);
        break;
    case Dialect::ForwardAuth:
        response.status = forwardAuthStatus(error);
        if (response.status == 401)
            response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
        break;
    }
    const bool mayRetry = response.status == 429 || response.status == 503 || dialect == Dialect::ForwardAuth;
    if (error.retryAfterSecs > 0 && mayRetry)
        response.headers.emplace_back("Retry-After", QByteArray::number(error.retryAfterSecs));
    return response;
}

void sendError(Responder& responder, Dialect dialect, const AuthError& error)
{
    ErrorResponse response = renderError(dialect, error);
    if (dialect == Dialect::ForwardAuth)
        responder.send(response.status, {}, {}, std::move(response.headers));
    else
        responder.sendJson(response.status, response.body, std::move(response.headers));
}

QByteArray renderTransportError(QStringView path, int status, const QString& message)
{
    const AuthError error{codeForTransportStatus(status), message, 0};
    return QJsonDocument(renderError(dialectForPath(path), error).body).toJson(QJsonDocument::Compact);
}
