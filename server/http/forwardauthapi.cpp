#include "http/forwardauthapi.h"

#include "core/permissions.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "values/forwardauthrules.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace {

using Code = AuthError::Code;

// The request the proxy asks about, named by one family of headers (docs/FORWARD-AUTH.md):
// X-Original-Method + X-Original-URI as our nginx configuration sets them, or
// X-Forwarded-Method + X-Forwarded-Uri as Traefik's ForwardAuth sets them. Both proxies also
// pass the client's own headers on to /auth/verify, so a client can add the family its proxy
// does not set; preferring either family would let it choose the request checked (a POST to
// /agent/run checked as GET /health). So nothing is resolved by preference: a target named
// ambiguously is refused, and one not named at all is covered by no rule.
struct Target
{
    enum class State {
        Unnamed,
        Named,
        Ambiguous
    };

    State state = State::Unnamed;
    QString method; // upper case
    QString path;   // normalised (ForwardAuthRules::normalizePath)
};

Target ambiguous()
{
    return Target{Target::State::Ambiguous, {}, {}};
}

// RFC 9110 token characters only: a list ("GET, POST") or a method with a space is no method.
bool isMethod(const QByteArray& method)
{
    static const QByteArray punctuation("!#$%&'*+-.^_`|~");
    return !method.isEmpty() && std::all_of(method.cbegin(), method.cend(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || punctuation.contains(c);
    });
}

// One family names a target with both of its headers; half of one (a proxy that did not set
// it, or a client that did) is ambiguous, and so is a path that may be read two ways.
Target readFamily(const QByteArray& method, const QByteArray& uri)
{
    if (method.isEmpty() && uri.isEmpty())
        return {};
    const auto path = ForwardAuthRules::normalizePath(uri);
    if (!isMethod(method) || !path)
        return ambiguous();
    return Target{Target::State::Named, QString::fromLatin1(method).toUpper(), *path};
}

Target targetOf(const HttpRequest& request)
{
    if (request.repeatedHeader) // which of the two values would the proxy have meant?
        return ambiguous();
    const Target nginx = readFamily(request.originalMethod, request.originalUri);
    const Target traefik = readFamily(request.forwardedMethod, request.forwardedUri);
    if (nginx.state == Target::State::Unnamed)
        return traefik;
    if (traefik.state == Target::State::Unnamed)
        return nginx;
    const bool agree = nginx.state == Target::State::Named && traefik.state == Target::State::Named
        && nginx.method == traefik.method && nginx.path == traefik.path;
    return agree ? nginx : ambiguous();
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
    const ForwardAuthRule* rule =
        target.state == Target::State::Named ? rules.match(target.method, target.path) : nullptr;
    // Fail closed, before the credential is looked at: an ambiguous target, or (with rules
    // configured) a request no rule covers, an unnamed one included.
    if (target.state == Target::State::Ambiguous || (!rules.isEmpty() && !rule)) {
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
    // other proxies may repeat the client's method. Either way the method checked is the
    // header's: the request's own never stands in for a missing one.
    for (const HttpMethod method : {HttpMethod::Get, HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch,
                                    HttpMethod::Delete, HttpMethod::Options}) {
        api.endpoints.add(method, QStringLiteral("/auth/verify"), Access::Public,
                          QStringLiteral("Forward-auth for nginx auth_request / Traefik ForwardAuth"),
                          [api, &rules](const Call& call, Responder& r) { verify(api, rules, call, r); });
    }
}

bool ForwardAuthApi::checkRules(const ForwardAuthRules& rules, const PermissionModel& permissions, QString* error)
{
    for (const QString& permission : rules.permissions()) {
        if (!permissions.isValid(permission)) {
            *error = QStringLiteral("forward-auth rule needs %1, but %2 is not a declared resource "
                                    "(resources = ...)")
                         .arg(permission, permission.section(u':', 0, 0));
            return false;
        }
    }
    return true;
}
