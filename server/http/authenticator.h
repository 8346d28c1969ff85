#pragma once

#include "core/authservice.h"
#include "http/httprequest.h"

#include <functional>
#include <optional>

// Turns a request's Authorization header into a Principal: `Bearer <JWT>`, `Bearer
// gatehouse_...` (an API token) or `Basic base64(user:pass)`. While authentication is
// disabled (no admin password) every caller is the anonymous admin and credentials are
// ignored, as the flex document says
// ("all endpoints are accessible").
class Authenticator
{
public:
    explicit Authenticator(AuthService& auth) : m_auth(auth) {}

    // The answer when it needs no password hash (bearer, a cached Basic credential, a
    // missing or malformed credential, a locked IP); nullopt when it does: then call
    // authenticateLater(), which answers through `done` once the hash ran.
    std::optional<AuthResult> authenticateNow(const HttpRequest& request, const ClientInfo& client) const;
    void authenticateLater(const HttpRequest& request, const ClientInfo& client,
                           std::function<void(AuthResult)> done) const;

private:
    AuthService& m_auth;
};
