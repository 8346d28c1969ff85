#pragma once

struct ApiContext;
class ForwardAuthRules;
class PermissionModel;
class QString;

// GET /auth/verify for nginx `auth_request` and Traefik ForwardAuth (API.md, "Forward-auth"):
// checks the credential of the request the proxy is about to forward against the rule for
// its method and path. Answers carry no body: 200 with X-Auth-User / X-Auth-Role /
// X-Auth-Method, 401 or 403.
namespace ForwardAuthApi {
void registerRoutes(const ApiContext& api, const ForwardAuthRules& rules);
// False with a one-line reason when a rule needs a permission of a resource nobody declared:
// it could never be satisfied, so the start says so rather than refuse every proxied request.
bool checkRules(const ForwardAuthRules& rules, const PermissionModel& permissions, QString* error);
} // namespace ForwardAuthApi
