#include "http/endpoints.h"

#include "core/authservice.h"
#include "core/permissions.h"
#include "core/ratelimiter.h"
#include "http/errorenvelope.h"

Endpoints::Endpoints(RouteTable& routes, AuthService& auth, const PermissionModel& permissions,
                     SubnetList trustedProxies)
    : m_routes(routes), m_auth(auth), m_permissions(permissions), m_authenticator(auth),
      m_trustedProxies(std::move(trustedProxies))
{
    m_routes.setFallback(
        [this](const HttpRequest& request, Responder responder) { serveUnmatched(request, responder); });
}

void Endpoints::add(HttpMethod method, const QString& pattern, Access access, const QString& summary,
                    EndpointHandler handler)
{
    const Dialect dialect = dialectForPath(pattern);
    m_routes.add(Route{method,
                       pattern,
                       gated(dialect, access, {}, std::move(handler)),
                       dialectName(dialect),
                       summary,
                       access != Access::Public,
                       {}});
}

void Endpoints::addGuarded(HttpMethod method, const QString& pattern, const QString& permission, const QString& summary,
                           EndpointHandler handler, Access access)
{
    const Dialect dialect = dialectForPath(pattern);
    m_routes.add(Route{method, pattern, gated(dialect, access, permission, std::move(handler)), dialectName(dialect),
                       summary, true, permission});
}

void Endpoints::setFallback(const QString& prefix, Access access, EndpointHandler handler)
{
    m_fallbacks.push_back(Fallback{prefix, access, std::move(handler)});
}

void Endpoints::serveUnmatched(const HttpRequest& request, Responder& responder) const
{
    static const EndpointHandler notFound = [](const Call& call, Responder& r) {
        sendError(r, call.dialect, AuthError{AuthError::Code::NotFound, QStringLiteral("Not found"), 0});
    };
    static const EndpointHandler methodNotAllowed = [](const Call& call, Responder& r) {
        sendTransportError(r, call.dialect, 405, QStringLiteral("Method not allowed"));
    };
    const Dialect dialect = dialectForPath(request.path);
    QStringList ignored;
    for (const Route& route : m_routes.routes()) {
        if (matchRoutePattern(route.pattern, request.path, &ignored)) {
            serve(request, responder, dialect, Access::Public, methodNotAllowed);
            return;
        }
    }
    for (const Fallback& fallback : m_fallbacks) {
        if (request.path.startsWith(fallback.prefix)) {
            serve(request, responder, dialect, fallback.access, fallback.handler);
            return;
        }
    }
    serve(request, responder, dialect, Access::Public, notFound);
}

RouteHandler Endpoints::gated(Dialect dialect, Access access, const QString& permission, EndpointHandler handler) const
{
    return [this, dialect, access, permission, handler = std::move(handler)](const HttpRequest& request,
                                                                             Responder responder) {
        serve(request, responder, dialect, access, handler, permission);
    };
}

void Endpoints::serve(const HttpRequest& request, Responder& responder, Dialect dialect, Access access,
                      const EndpointHandler& handler, const QString& permission) const
{
    const ClientInfo client = clientOf(request, dialect);
    if (!m_auth.limiter().allowRequest(client.ip)) {
        sendError(
            responder, dialect,
            AuthError{AuthError::Code::RateLimited, QStringLiteral("Too many requests. Please try again later."), 1});
        return;
    }
    // A request relayed by a proxy on this machine (X-Forwarded-For, X-Original-URI) comes from
    // elsewhere, whatever its peer: only a loopback caller speaking for itself is local.
    const bool local = request.peer.isLoopback() && request.forwardedFor.isEmpty() && request.originalUri.isEmpty();
    const bool needsCredential = access == Access::Authenticated
        || (access == Access::OpenUntilPasswordSet && m_auth.authEnabled())
        || (access == Access::LocalOrAuthenticated && !local);
    if (!needsCredential) {
        // Public endpoints act as nobody; the password endpoint before set-up acts as the admin.
        const Principal principal = access == Access::OpenUntilPasswordSet ? m_auth.anonymousAdmin() : Principal{};
        handler(Call{request, client, principal, dialect}, responder);
        return;
    }
    if (m_auth.setupRequired()) {
        sendError(responder, dialect,
                  AuthError{AuthError::Code::SetupRequired,
                            QStringLiteral("Set the admin password first: authentication is required"), 0});
        return;
    }
    // The hot path (bearer, API token, a cached Basic credential) answers at once, without
    // copying the request.
    if (const auto result = m_authenticator.authenticateNow(request, client)) {
        proceed(request, client, responder, dialect, *result, permission, handler);
        return;
    }
    auto held = std::make_shared<std::pair<HttpRequest, Responder>>(request, std::move(responder));
    m_authenticator.authenticateLater(
        held->first, client, [this, held, client, dialect, permission, handler](const AuthResult& result) {
            proceed(held->first, client, held->second, dialect, result, permission, handler);
        });
}

ClientInfo Endpoints::clientOf(const HttpRequest& request, Dialect dialect) const
{
    LastClient& last = m_lastClient;
    if (last.ip.isNull() || last.peer != request.peer || last.forwardedFor != request.forwardedFor) {
        last.peer = request.peer;
        last.forwardedFor = request.forwardedFor;
        last.ip = clientAddress(request, m_trustedProxies);
    }
    if (last.userAgent.isNull() || last.userAgentBytes != request.userAgent) {
        last.userAgentBytes = request.userAgent;
        last.userAgent = QString::fromUtf8(request.userAgent);
    }
    return ClientInfo{last.ip, last.userAgent, dialectName(dialect)};
}

void Endpoints::proceed(const HttpRequest& request, const ClientInfo& client, Responder& responder, Dialect dialect,
                        const AuthResult& result, const QString& permission, const EndpointHandler& handler) const
{
    if (const auto* error = std::get_if<AuthError>(&result)) {
        sendError(responder, dialect, *error);
        return;
    }
    const Principal& principal = std::get<Principal>(result);
    if (!permission.isEmpty() && !m_permissions.allows(principal, permission)) {
        sendError(responder, dialect, AuthError{AuthError::Code::Forbidden, QStringLiteral("Forbidden"), 0});
        return;
    }
    handler(Call{request, client, principal, dialect}, responder);
}
