#pragma once

struct ApiContext;

// The manager dialect (API.md, "manager dialect"): login with a user object and a token
// pair, refresh, logout, and OpenID Connect's status (disabled until it is configured).
// Errors are {"error": "<code>", "message": "<text>"}. Forward-auth lives in ForwardAuthApi.
namespace ManagerApi {
void registerRoutes(const ApiContext& api);
}
