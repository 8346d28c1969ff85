#pragma once

struct ApiContext;
class ForwardAuthRules;

// GET /auth/verify for nginx `auth_request` and Traefik ForwardAuth (API.md, "Forward-auth"):
// checks the credential of the request the proxy is about to forward against the rule for
// its method and path. Answers carry no body: 200 with X-Auth-User / X-Auth-Role /
// X-Auth-Method, 401 or 403.
namespace ForwardAuthApi {
void registerRoutes(const ApiContext& api, const ForwardAuthRules& rules);
}
