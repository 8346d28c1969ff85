#include "http/errorenvelope.h"

#include <QJsonDocument>

namespace {

// An error as HTTP sees it, whoever raised it.
struct Problem
{
    int status = 400;
    QString code; // snake_case, e.g. "invalid_credentials"
    QString message;
    int retryAfterSecs = 0;
};

int statusOf(AuthError::Code code)
{
    switch (code) {
    case AuthError::Code::BadRequest:
    case AuthError::Code::PolicyRejected:
    case AuthError::Code::InvalidState:
        return 400;
    case AuthError::Code::InvalidCredentials:
    case AuthError::Code::Unauthorized:
    case AuthError::Code::AccessDenied:
    case AuthError::Code::InvalidIdToken:
        return 401;
    case AuthError::Code::Forbidden:
        return 403;
    case AuthError::Code::NotFound:
        return 404;
    case AuthError::Code::Conflict:
        return 409;
    case AuthError::Code::RateLimited:
        return 429;
    case AuthError::Code::ProviderUnavailable:
        return 502;
    case AuthError::Code::Busy:
    case AuthError::Code::SetupRequired:
    case AuthError::Code::Unavailable:
        return 503;
    }
    return 400;
}

QString codeOf(AuthError::Code code)
{
    switch (code) {
    case AuthError::Code::BadRequest:
        return QStringLiteral("bad_request");
    case AuthError::Code::InvalidCredentials:
        return QStringLiteral("invalid_credentials");
    case AuthError::Code::Unauthorized:
        return QStringLiteral("unauthorized");
    case AuthError::Code::Forbidden:
        return QStringLiteral("forbidden");
    case AuthError::Code::NotFound:
        return QStringLiteral("not_found");
    case AuthError::Code::Conflict:
        return QStringLiteral("conflict");
    case AuthError::Code::PolicyRejected:
        return QStringLiteral("weak_password");
    case AuthError::Code::RateLimited:
        return QStringLiteral("rate_limited");
    case AuthError::Code::Busy:
        return QStringLiteral("busy");
    case AuthError::Code::SetupRequired:
        return QStringLiteral("setup_required");
    case AuthError::Code::Unavailable:
        return QStringLiteral("unavailable");
    case AuthError::Code::InvalidState:
        return QStringLiteral("invalid_state");
    case AuthError::Code::AccessDenied:
        return QStringLiteral("access_denied");
    case AuthError::Code::InvalidIdToken:
        return QStringLiteral("invalid_id_token");
    case AuthError::Code::ProviderUnavailable:
        return QStringLiteral("provider_unavailable");
    }
    return QStringLiteral("bad_request");
}

// The transport's refusals by status; a 429 of the guard (too many pipelined requests) keeps
// the generic code, as before.
QString codeOfTransportStatus(int status)
{
    switch (status) {
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 405:
        return QStringLiteral("method_not_allowed");
    case 413:
        return QStringLiteral("payload_too_large");
    case 426:
        return QStringLiteral("upgrade_required");
    case 431:
        return QStringLiteral("headers_too_large");
    default:
        return QStringLiteral("bad_request");
    }
}

bool isRateLimited(const Problem& problem)
{
    return problem.code == QLatin1String("rate_limited");
}

QJsonObject flexBody(const Problem& problem)
{
    if (isRateLimited(problem)) {
        return {{QStringLiteral("message"), problem.message},
                {QStringLiteral("code"), QStringLiteral("RATE_LIMITED")},
                {QStringLiteral("retry_after_seconds"), problem.retryAfterSecs}};
    }
    return {{QStringLiteral("error"), problem.message}};
}

int flexStatus(const Problem& problem)
{
    // The flex document answers a wrong password with 400, not 401.
    return problem.code == QLatin1String("invalid_credentials") ? 400 : problem.status;
}

QJsonObject codedBody(const Problem& problem, bool restEnvelope)
{
    QJsonObject body{{QStringLiteral("error"), problem.code}, {QStringLiteral("message"), problem.message}};
    if (restEnvelope)
        body.insert(QStringLiteral("status"), QStringLiteral("error"));
    if (isRateLimited(problem))
        body.insert(QStringLiteral("retry_after_seconds"), problem.retryAfterSecs);
    return body;
}

// A proxy's auth_request understands 2xx, 401 and 403 only (nginx turns anything else into
// a 500 for the client): "who are you?" (a missing or wrong credential) is 401, every other
// refusal 403.
int forwardAuthStatus(const Problem& problem)
{
    return problem.status == 401 ? 401 : 403;
}

ErrorResponse render(Dialect dialect, const Problem& problem)
{
    ErrorResponse response;
    switch (dialect) {
    case Dialect::Flex:
        response.status = flexStatus(problem);
        response.body = flexBody(problem);
        break;
    case Dialect::Rest:
        response.status = problem.status;
        response.body = codedBody(problem, true);
        break;
    case Dialect::Manager:
        response.status = problem.status;
        response.body = codedBody(problem, false);
        break;
    case Dialect::ForwardAuth:
        response.status = forwardAuthStatus(problem);
        if (response.status == 401)
            response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
        break;
    }
    const bool mayRetry = response.status == 429 || response.status == 503 || dialect == Dialect::ForwardAuth;
    if (problem.retryAfterSecs > 0 && mayRetry)
        response.headers.emplace_back("Retry-After", QByteArray::number(problem.retryAfterSecs));
    return response;
}

void send(Responder& responder, Dialect dialect, ErrorResponse response)
{
    if (dialect == Dialect::ForwardAuth)
        responder.send(response.status, {}, {}, std::move(response.headers));
    else
        responder.sendJson(response.status, response.body, std::move(response.headers));
}

Problem transportProblem(int status, const QString& message)
{
    return Problem{status, codeOfTransportStatus(status), message, 0};
}

} // namespace

ErrorResponse renderError(Dialect dialect, const AuthError& error)
{
    return render(dialect, Problem{statusOf(error.code), codeOf(error.code), error.message, error.retryAfterSecs});
}

void sendError(Responder& responder, Dialect dialect, const AuthError& error)
{
    send(responder, dialect, renderError(dialect, error));
}

void sendTransportError(Responder& responder, Dialect dialect, int status, const QString& message)
{
    send(responder, dialect, render(dialect, transportProblem(status, message)));
}

QByteArray renderTransportError(QStringView path, int status, const QString& message)
{
    return QJsonDocument(render(dialectForPath(path), transportProblem(status, message)).body)
        .toJson(QJsonDocument::Compact);
}
