#include "core/autherror.h"

int AuthError::httpStatus() const
{
    switch (code) {
    case Code::BadRequest:
    case Code::PolicyRejected:
        return 400;
    case Code::InvalidCredentials:
    case Code::Unauthorized:
        return 401;
    case Code::Forbidden:
        return 403;
    case Code::NotFound:
        return 404;
    case Code::MethodNotAllowed:
        return 405;
    case Code::Conflict:
        return 409;
    case Code::UpgradeRequired:
        return 426;
    case Code::PayloadTooLarge:
        return 413;
    case Code::HeadersTooLarge:
        return 431;
    case Code::RateLimited:
        return 429;
    case Code::Busy:
    case Code::SetupRequired:
    case Code::Unavailable:
        return 503;
    }
    return 400;
}

QString AuthError::codeName() const
{
    switch (code) {
    case Code::BadRequest:
        return QStringLiteral("bad_request");
    case Code::InvalidCredentials:
        return QStringLiteral("invalid_credentials");
    case Code::Unauthorized:
        return QStringLiteral("unauthorized");
    case Code::Forbidden:
        return QStringLiteral("forbidden");
    case Code::NotFound:
        return QStringLiteral("not_found");
    case Code::MethodNotAllowed:
        return QStringLiteral("method_not_allowed");
    case Code::Conflict:
        return QStringLiteral("conflict");
    case Code::UpgradeRequired:
        return QStringLiteral("upgrade_required");
    case Code::PayloadTooLarge:
        return QStringLiteral("payload_too_large");
    case Code::HeadersTooLarge:
        return QStringLiteral("headers_too_large");
    case Code::PolicyRejected:
        return QStringLiteral("weak_password");
    case Code::RateLimited:
        return QStringLiteral("rate_limited");
    case Code::Busy:
        return QStringLiteral("busy");
    case Code::SetupRequired:
        return QStringLiteral("setup_required");
    case Code::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("bad_request");
}

AuthError AuthError::storageUnavailable()
{
    return AuthError{Code::Unavailable, QStringLiteral("Storage unavailable, nothing was changed"), 5};
}
