#pragma once

#include <QString>

// The one error type core hands to the dialects: what went wrong, in words safe to show a
// client. How it becomes HTTP (status, envelope, Retry-After) is http/errorenvelope's alone;
// refusals only the transport makes (405, 413, 426, 431) are not core's and are not here.
struct AuthError
{
    enum class Code {
        BadRequest,         // malformed JSON, missing field
        InvalidCredentials, // wrong password / unknown user
        Unauthorized,       // missing, bad, expired or revoked credential
        Forbidden,          // authenticated, lacks the permission
        NotFound,           // no such object
        Conflict,           // e.g. the username is taken, a concurrent change won
        PolicyRejected,     // password too short, too long, too common
        RateLimited,        // lockout or token bucket; retryAfterSecs says when
        Busy,               // hash queue full; retryAfterSecs says when
        SetupRequired,      // require_auth and no admin password yet
        Unavailable,        // storage unreachable; nothing was changed
        // OpenID Connect login (the manager dialect's /auth/openid/callback):
        InvalidState,        // unknown, spent or expired `state`
        AccessDenied,        // the provider answered `error=...`
        InvalidIdToken,      // the code exchange or the ID-token check failed
        ProviderUnavailable, // the provider did not answer (in time)
    };

    Code code = Code::BadRequest;
    QString message; // safe to show a client: never contains a secret
    int retryAfterSecs = 0;

    // The errors more than one service gives, worded once.
    // Storage could not commit a change the client was about to be told about: retry in 5 s.
    static AuthError storageUnavailable();
    static AuthError busy(); // the hash queue is full: retry in 1 s
    static AuthError invalidCredentials();
    static AuthError unauthorized();
    static AuthError loginRateLimited(int retryAfterSecs);
    // The password matched the hash it was checked against, but that hash is no longer the
    // stored one: another change came first. No guess, so not counted; a login reads it as a
    // wrong password (the one given is no longer valid), a password change as a lost race.
    static AuthError passwordChangedMeanwhile();
};
