#pragma once

#include "http/httprequest.h"
#include "http/responder.h"

#include <QString>

#include <functional>
#include <vector>

using RouteHandler = std::function<void(const HttpRequest&, Responder)>;

// One route: method, path pattern and handler, plus what OpenAPI needs to describe it.
// Patterns are literal paths with optional {name} segments ("/api/users/{id}"); a
// {name} matches one non-empty segment and its value lands in HttpRequest::pathParams.
struct Route
{
    HttpMethod method = HttpMethod::Get;
    QString pattern;
    RouteHandler handler;
    QString dialect; // "flex" | "rest" | "manager" | "system"
    QString summary;
    bool authenticated = false; // needs a credential (while authentication is enabled)
    QString permission;         // "resource:action" the caller must hold; empty = none
};

// The single source of truth for what the server answers: httpserver.cpp dispatches every
// request the guard framed by it, and the OpenAPI document is generated from it.
class RouteTable
{
public:
    void add(Route route) { m_routes.push_back(std::move(route)); }
    const std::vector<Route>& routes() const { return m_routes; }

    // Called for a request no route matches (unknown path or method).
    void setFallback(RouteHandler fallback) { m_fallback = std::move(fallback); }
    const RouteHandler& fallback() const { return m_fallback; }

    // Index of the route answering `method` on `path` (-1: none); appends its {placeholder}
    // values to `params`. HEAD falls back to the GET route of the same path.
    int match(HttpMethod method, QStringView path, QStringList* params) const;

private:
    std::vector<Route> m_routes;
    RouteHandler m_fallback;
};

// Matches `path` against `pattern`; on success appends the {placeholder} values to `params`.
bool matchRoutePattern(QStringView pattern, QStringView path, QStringList* params);
