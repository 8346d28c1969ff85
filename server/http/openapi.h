#pragma once

#include <QByteArray>

class Endpoints;
class RouteTable;

// GET /api/openapi.json (public): an OpenAPI 3.0.3 description generated from the
// RouteTable, the single source of truth for what the server answers, so the document
// cannot drift from the routes. Each route's dialect becomes its tag and error schema;
// authenticated routes list the bearerAuth (JWT or API token) and basicAuth schemes and
// answer 401, guarded ones name their permission (x-permission) and answer 403.
namespace OpenApi {
// The document for every route in `routes`, as compact JSON.
QByteArray render(const RouteTable& routes);
// The route reads `routes` on its first request (when every dialect has registered) and
// keeps the rendering: the table does not change while the server runs.
void registerRoutes(Endpoints& endpoints, const RouteTable& routes);
} // namespace OpenApi
