#include "core/autherror.h"

AuthError AuthError::storageUnavailable()
{
    return AuthError{Code::Unavailable, QStringLiteral("Storage unavailable, nothing was changed"), 5};
}

AuthError AuthError::busy()
{
    return AuthError{Code::Busy, QStringLiteral("Server busy, try again shortly"), 1};
}

AuthError AuthError::invalidCredentials()
{
    return AuthError{Code::InvalidCredentials, QStringLiteral("Invalid credentials"), 0};
}

AuthError AuthError::unauthorized()
{
    return AuthError{Code::Unauthorized, QStringLiteral("Unauthorized"), 0};
}

AuthError AuthError::loginRateLimited(int retryAfterSecs)
{
    return AuthError{Code::RateLimited, QStringLiteral("Too many login attempts. Please try again later."),
                     retryAfterSecs};
}

AuthError AuthError::passwordChangedMeanwhile()
{
    return AuthError{Code::Conflict, QStringLiteral("The password was changed meanwhile: nothing changed"), 0};
}
