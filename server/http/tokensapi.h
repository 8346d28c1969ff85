#pragma once

struct ApiContext;

// API tokens over HTTP (rest envelopes): POST /api/tokens answers the secret once,
// GET lists tokens without secrets, DELETE revokes at once. See API.md, "API tokens".
namespace TokensApi {
void registerRoutes(const ApiContext& api);
}
