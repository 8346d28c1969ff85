#include "http/managerapi.h"

#include "core/authservice.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/jsonbody.h"
#include "oidc/oidclogin.h"
#include "values/tokenlifetimes.h"

#include <memory>

namespace {

using Code = AuthError::Code;

void sendManagerError(Responder& responder, Code code, const QString& message)
{
    sendError(responder, Dialect::Manager, AuthError{code, message, 0});
}

// {"user": {"id", "username", "firstname", "lastname"}, "tokens": {"accessToken", "refreshToken", "expiresAt"}}
void sendSession(Responder& responder, const LoginResult& result)
{
    if (const auto* error = std::get_if<AuthError>(&result)) {
        sendError(responder, Dialect::Manager, *error);
        return;
    }
    const auto& issued = std::get<IssuedSession>(result);
    const AccountRecord& account = issued.account;
    responder.sendJson(200,
                       {{QStringLiteral("user"),
                         QJsonObject{{QStringLiteral("id"), account.id},
                                     {QStringLiteral("username"), account.username},
                                     {QStringLiteral("firstname"), account.firstname},
                                     {QStringLiteral("lastname"), account.lastname}}},
                        {QStringLiteral("tokens"),
                         QJsonObject{{QStringLiteral("accessToken"), QString::fromLatin1(issued.accessToken)},
                                     {QStringLiteral("refreshToken"), QString::fromLatin1(issued.refreshToken)},
                                     {QStringLiteral("expiresAt"), issued.accessExpiresAt}}}});
}

void login(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = parseJsonObject(call.request.body);
    const auto username = body ? stringField(*body, QStringLiteral("username")) : std::nullopt;
    const auto password = body ? stringField(*body, QStringLiteral("password")) : std::nullopt;
    if (!username || !password) {
        // Not a password attempt, so not counted by the limiter.
        sendManagerError(responder, Code::BadRequest,
                         QStringLiteral("Body must be JSON: {\"username\": \"...\", \"password\": \"...\"}"));
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    const LoginRequest request{*username, *password, api.lifetimes.managerAccessSecs, api.lifetimes.refreshSecs,
                               call.client};
    // An unknown user gets exactly the answer (and the argon2id work) of a wrong password:
    // the document's 403 user_not_exist would tell an attacker which accounts exist.
    api.auth.login(request, [pending](LoginResult result) {
        if (auto* error = std::get_if<AuthError>(&result); error && error->code == Code::InvalidCredentials)
            error->message = QStringLiteral("Invalid email or password");
        sendSession(*pending, result);
    });
}

void refresh(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = parseJsonObject(call.request.body);
    const auto token = body ? stringField(*body, QStringLiteral("refreshToken")) : std::nullopt;
    if (!token) {
        sendManagerError(responder, Code::BadRequest, QStringLiteral("Body must be JSON: {\"refreshToken\": \"...\"}"));
        return;
    }
    sendSession(
        responder,
        api.auth.refresh(token->toUtf8(), api.lifetimes.managerAccessSecs, api.lifetimes.refreshSecs, call.client));
}

void logout(AuthService& auth, const Call& call, Responder& responder)
{
    // A bearer token's session ends, and with it the refresh token; other credentials have
    // no session to end.
    if (const auto error = auth.logout(call.principal, call.client))
        sendError(responder, Dialect::Manager, *error);
    else
        responder.sendJson(200, {});
}

// {"enabled": false}, or {"enabled": true, "authUrl": ...} with a fresh single-use state.
void openIdStart(OidcLogin* oidc, Responder& responder)
{
    if (!oidc) {
        responder.sendJson(200, {{QStringLiteral("enabled"), false}});
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    oidc->begin([pending](OidcLogin::AuthUrl url) {
        if (const auto* error = std::get_if<AuthError>(&url))
            sendError(*pending, Dialect::Manager, *error);
        else
            pending->sendJson(200,
                              {{QStringLiteral("enabled"), true}, {QStringLiteral("authUrl"), std::get<QString>(url)}});
    });
}

void openIdCallback(const ApiContext& api, const Call& call, Responder& responder)
{
    if (!api.oidc) {
        sendManagerError(responder, Code::BadRequest, QStringLiteral("OpenID Connect is not enabled"));
        return;
    }
    const HttpRequest& request = call.request;
    const OidcLogin::Callback callback{
        request.queryItem(QStringLiteral("code")), request.queryItem(QStringLiteral("state")),
        request.queryItem(QStringLiteral("iss")), request.queryItem(QStringLiteral("error"))};
    const LoginRequest login{{}, {}, api.lifetimes.managerAccessSecs, api.lifetimes.refreshSecs, call.client};
    auto pending = std::make_shared<Responder>(std::move(responder));
    api.oidc->complete(callback, login, [pending](LoginResult result) { sendSession(*pending, result); });
}

} // namespace

void ManagerApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    endpoints.add(HttpMethod::Post, QStringLiteral("/auth/login"), Access::Public,
                  QStringLiteral("Log in: the user and a token pair (access 15 min by default)"),
                  [api](const Call& call, Responder& r) { login(api, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/auth/refresh"), Access::Public,
                  QStringLiteral("Exchange a refresh token for a fresh pair (the old one is spent)"),
                  [api](const Call& call, Responder& r) { refresh(api, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/auth/logout"), Access::Authenticated,
                  QStringLiteral("End the bearer token's session and its refresh token"),
                  [&auth = api.auth](const Call& call, Responder& r) { logout(auth, call, r); });
    endpoints.add(HttpMethod::Get, QStringLiteral("/auth/openid"), Access::Public,
                  QStringLiteral("OpenID Connect: whether it is on, and the provider URL to send the user to"),
                  [oidc = api.oidc](const Call&, Responder& r) { openIdStart(oidc, r); });
    endpoints.add(HttpMethod::Get, QStringLiteral("/auth/openid/callback"), Access::Public,
                  QStringLiteral("OpenID Connect redirect target (code flow): the /auth/login answer"),
                  [api](const Call& call, Responder& r) { openIdCallback(api, call, r); });
}
