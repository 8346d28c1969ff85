#pragma once

struct ApiContext;

// User administration (API.md, "Administration"): GET/POST /api/users (users:read /
// users:write), PATCH/DELETE /api/users/{id} (users:write), in rest envelopes.
namespace UsersApi {
void registerRoutes(const ApiContext& api);
}
