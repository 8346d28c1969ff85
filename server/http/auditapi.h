#pragma once

struct ApiContext;

// The audit log (API.md, "Administration"): GET /api/audit?limit=&before=<id>, newest
// first, with logs:read.
namespace AuditApi {
void registerRoutes(const ApiContext& api);
}
