#pragma once

#include <QString>

// The one error type core hands to the dialects. Each dialect renders it in its own
// envelope (flex {"error"}, rest {"status","error","message"}, manager {"error","message"});
// the HTTP status is decided here, once, so every dialect agrees on it.
struct AuthError
{
    enum class Code {
        BadRequest,          // malformed JSON, missing field                    -> 400
        InvalidCredentials,  // wrong password / unknown user                    -> 401 (flex: 400)
        Unauthorized,        // missing, bad, expired or revoked credential      -> 401
        Forbidden,           // authenticated, lacks the permission              -> 403
        NotFound,            // no such route or object                          -> 404
        UpgradeRequired,     // a WebSocket endpoint asked without an upgrade      -> 426
        Conflict,            // e.g. the username is taken                      -> 409
        MethodNotAllowed,    // known path, other method                         -> 405
        PayloadTooLarge,     // body over the limit (the connection guard)       -> 413
        HeadersTooLarge,     // header block over the limit (the connection guard) -> 431
        PolicyRejected,      // password too short, too long, too common         -> 400
        RateLimited,         // lockout or token bucket                          -> 429 + Retry-After
        Busy,                // hash queue full                                  -> 503 + Retry-After
        SetupRequired,       // require_auth and no admin password yet           -> 503
        Unavailable,         // storage unreachable                              -> 503
    };

    Code code = Code::BadRequest;
    QString message;      // safe to show a client: never contains a secret
    int retryAfterSecs = 0;

    int httpStatus() const;
    QString codeName() const; // snake_case, e.g. "invalid_credentials", "rate_limited"

    // Storage could not commit a change the client was about to be told about: 503, retry in 5 s.
    static AuthError storageUnavailable();
};
