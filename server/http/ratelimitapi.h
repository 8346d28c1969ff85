#pragma once

struct ApiContext;

// The rate limiter's administration (API.md, "Administration"): the rate-limit log and the
// current lockouts (ratelimit:read), and lifting a lockout (ratelimit:write).
namespace RateLimitApi {
void registerRoutes(const ApiContext& api);
}
