#pragma once

struct ApiContext;

// The rest dialect's own routes (API.md, "rest dialect"): health, login and refresh of a
// JWT pair, logout, change of one's password, and who the caller is. Also the rule for
// unknown /api paths (401 without a credential, then 404).
namespace RestAuthApi {
void registerRoutes(const ApiContext& api);
}
