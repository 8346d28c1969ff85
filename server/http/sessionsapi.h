#pragma once

struct ApiContext;

// Session administration (API.md, "Administration"): GET /api/sessions lists every live
// session with sessions:read, else the caller's own; DELETE /api/sessions/{id} ends one's
// own sessions always, others' with sessions:write.
namespace SessionsApi {
void registerRoutes(const ApiContext& api);
}
