#pragma once

#include "core/principal.h"
#include "http/authenticator.h"
#include "http/clientaddress.h"
#include "http/dialect.h"
#include "http/routetable.h"

#include <functional>
#include <vector>

class AuthService;
class PermissionModel;

// Who may call an endpoint.
enum class Access {
    Public,               // anyone (health, login)
    Authenticated,        // a valid credential; anonymous admin while auth is disabled
    OpenUntilPasswordSet, // anyone while auth is disabled, else as Authenticated
    LocalOrAuthenticated  // anyone on this machine (a loopback peer relaying for nobody), else as Authenticated
};

// What a handler gets besides its Responder: the request, the client as the limiter sees
// it, and (for non-public endpoints) the authenticated principal.
struct Call
{
    const HttpRequest& request;
    ClientInfo client;
    Principal principal;
    Dialect dialect;
};

using EndpointHandler = std::function<void(const Call&, Responder&)>;

// Registers endpoints in the RouteTable behind the common gate every request passes:
// the per-IP token bucket (429), then, unless public, setup-required (503) and
// authentication (401) — each answered in the endpoint's dialect.
class Endpoints
{
public:
    Endpoints(RouteTable& routes, AuthService& auth, const PermissionModel& permissions, SubnetList trustedProxies);

    void add(HttpMethod method, const QString& pattern, Access access, const QString& summary, EndpointHandler handler);
    // Authenticated, and the caller's role must grant `permission` ("users:write"): 403 otherwise.
    void addGuarded(HttpMethod method, const QString& pattern, const QString& permission, const QString& summary,
                    EndpointHandler handler, Access access = Access::Authenticated);
    // What answers a request no route matches under `prefix` ("/flex/", "/api/"), behind the
    // same gate. A known path asked with another method gets 405 first; a path under no
    // prefix gets a public 404 in its dialect's envelope.
    void setFallback(const QString& prefix, Access access, EndpointHandler handler);

    AuthService& auth() { return m_auth; }
    // For handlers of public routes that decide about credentials themselves (forward-auth).
    const Authenticator& authenticator() const { return m_authenticator; }
    // The client as the limiter sees it (X-Forwarded-For from trusted proxies).
    ClientInfo clientOf(const HttpRequest& request, Dialect dialect) const;

private:
    RouteHandler gated(Dialect dialect, Access access, const QString& permission, EndpointHandler handler) const;
    void serve(const HttpRequest& request, Responder& responder, Dialect dialect, Access access,
               const EndpointHandler& handler, const QString& permission = {}) const;

    void serveUnmatched(const HttpRequest& request, Responder& responder) const;
    void proceed(const HttpRequest& request, const ClientInfo& client, Responder& responder, Dialect dialect,
                 const AuthResult& result, const QString& permission, const EndpointHandler& handler) const;

    struct Fallback
    {
        QString prefix;
        Access access = Access::Public;
        EndpointHandler handler;
    };

    RouteTable& m_routes;
    std::vector<Fallback> m_fallbacks;
    AuthService& m_auth;
    const PermissionModel& m_permissions;
    Authenticator m_authenticator;
    SubnetList m_trustedProxies;
    // The last client worked out (clientOf()): the same one asks again and again (a proxy's
    // keep-alive pool, one browser). Endpoints lives on the server's thread.
    struct LastClient
    {
        QHostAddress peer;
        QByteArray forwardedFor;
        QByteArray userAgentBytes;
        QString ip;
        QString userAgent;
    };
    mutable LastClient m_lastClient;
};
