#include "http/forwardauthapi.h"

#include "core/permissions.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/forwardauthrules.h"

#include <memory>

namespace {

using Code = AuthError::Code;

// The request the proxy asks about: nginx's X-Original-*, else Traefik's X-Forwarded-*;
// a missing method is this request's own, a missing URI "/".
struct Target
{
    QString method;
    QByteArray uri;
};

Target targetOf(const HttpRequest& request)
{
    const bool nginx = !request.originalUri.isEmpty() || !request.originalMethod.isEmpty();
    const bool traefik = !nginx && (!request.forwardedUri.isEmpty() || !request.forwardedMethod.isEmpty());
    const QByteArray& method = nginx ? request.originalMethod : request.forwardedMethod;
    const QByteArray& uri = nginx ? request.originalUri : request.forwardedUri;
    Target target;
    target.method = method.isEmpty() ? QString::fromLatin1(methodName(request.method))
                                     : QString::fromLatin1(method).toUpper();
    target.uri = (nginx || traefik) && !uri.isEmpty() ? uri : QByteArrayLiteral("/");
    return target;
}

void refuse(Responder& responder, Code code)
{
    sendError(responder, Dialect::ForwardAuth, AuthError{code, QString(), 0});
}

void decide(const PermissionModel& permissions, const ForwardAuthRule* rule, const AuthResult& result,
            Responder& responder)
{
    if (const auto* error = std::get_if<AuthError>(&result)) {
        sendError(responder, Dialect::ForwardAuth, *error);
        return;
    }
    const Principal& principal = std::get<Principal>(result);
    if (rule && rule->requirement == ForwardAuthRule::Requirement::Permission
        && !permissions.allows(principal, rule->permission)) {
        refuse(responder, Code::Forbidden);
        return;
    }
    // Header values come from validated account data (usernames are [A-Za-z0-9._-@]).
    responder.send(200, {}, {},
                   {{"X-Auth-User", principal.username.toUtf8()},
                    {"X-Auth-Role", principal.role.toUtf8()},
                    {"X-Auth-Method", authMethodName(principal.method).toUtf8()}});
}

void verify(const ApiContext& api, const ForwardAuthRules& rules, const Call& call, Responder& responder)
{
    const Target target = targetOf(call.request);
    const auto path = ForwardAuthRules::normalizePath(target.uri);
    const ForwardAuthRule* rule = path ? rules.match(target.method, *path) : nullptr;
    // Fail closed: an ambiguous path, or (with rules configured) a request no rule covers.
    if (!path || (!rules.isEmpty() && !rule)) {
        refuse(responder, Code::Forbidden);
        return;
    }
    if (rule && rule->requirement == ForwardAuthRule::Requirement::Public) {
        responder.send(200, {}, {});
        return;
    }
    if (api.auth.setupRequired()) {
        refuse(responder, Code::SetupRequired);
        return;
    }
    const Authenticator& authenticator = api.endpoints.authenticator();
    if (const auto result = authenticator.authenticateNow(call.request, call.client)) {
        decide(api.permissions, rule, *result, responder);
        return;
    }
    // A Basic credential not seen before: the request waits for its hash.
    auto held = std::make_shared<std::pair<HttpRequest, Responder>>(call.request, std::move(responder));
    authenticator.authenticateLater(held->first, call.client, [&api = api.permissions, rule, held](AuthResult result) {
        decide(api, rule, result, held->second);
    });
}

} // namespace

void ForwardAuthApi::registerRoutes(const ApiContext& api, const ForwardAuthRules& rules)
{
    // nginx's auth_request and Traefik send GET and name the client's method in a header;
    // other proxies may repeat the client's method.
    for (const HttpMethod method : {HttpMethod::Get, HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch,
                                    HttpMethod::Delete, HttpMethod::Options}) {
        api.endpoints.add(method, QStringLiteral("/auth/verify"), Access::Public,
                          QStringLiteral("Forward-auth for nginx auth_request / Traefik ForwardAuth"),
                          [api, &rules](const Call& call, Responder& r) { verify(api, rules, call, r); });
    }
}
