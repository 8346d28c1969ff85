#include "http/restauthapi.h"

#include "core/accountstore.h"
#include "core/authservice.h"
#include "core/passwordservice.h"
#include "core/permissions.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/jsonbody.h"
#include "http/meanswers.h"
#include "http/restjson.h"
#include "values/recordjson.h"
#include "values/tokenlifetimes.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace {

using Code = AuthError::Code;

void sendPair(Responder& responder, const LoginResult& result)
{
    if (const auto* error = std::get_if<AuthError>(&result)) {
        sendError(responder, Dialect::Rest, *error);
        return;
    }
    const auto& issued = std::get<IssuedSession>(result);
    RestJson::sendSuccess(responder, 200,
                          {{QStringLiteral("access_token"), QString::fromLatin1(issued.accessToken)},
                           {QStringLiteral("refresh_token"), QString::fromLatin1(issued.refreshToken)},
                           {QStringLiteral("token_type"), QStringLiteral("Bearer")}});
}

void login(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = RestJson::requireObject(call.request, responder,
                                              QStringLiteral("{\"username\": \"...\", \"password\": \"...\"}"));
    if (!body)
        return;
    const auto username = stringField(*body, QStringLiteral("username"));
    const auto password = stringField(*body, QStringLiteral("password"));
    if (!username || !password) {
        // Not a password attempt, so not counted by the limiter.
        RestJson::sendError(responder, Code::BadRequest, QStringLiteral("username and password strings are required"));
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    const LoginRequest request{*username, *password, api.lifetimes.restAccessSecs, api.lifetimes.refreshSecs,
                               call.client};
    api.auth.login(request, [pending](LoginResult result) {
        if (auto* error = std::get_if<AuthError>(&result); error && error->code == Code::InvalidCredentials)
            error->message = QStringLiteral("Invalid username or password");
        sendPair(*pending, result);
    });
}

void refresh(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = RestJson::requireObject(call.request, responder, QStringLiteral("{\"refresh_token\": \"...\"}"));
    if (!body)
        return;
    const auto token = stringField(*body, QStringLiteral("refresh_token"));
    if (!token) {
        RestJson::sendError(responder, Code::BadRequest, QStringLiteral("refresh_token string is required"));
        return;
    }
    sendPair(responder,
             api.auth.refresh(token->toUtf8(), api.lifetimes.restAccessSecs, api.lifetimes.refreshSecs, call.client));
}

void logout(AuthService& auth, const Call& call, Responder& responder)
{
    // Ends the bearer token's session; Basic and anonymous callers have none (a no-op).
    if (const auto error = auth.logout(call.principal, call.client))
        sendError(responder, Dialect::Rest, *error);
    else
        RestJson::sendSuccess(responder, 200);
}

void changePassword(PasswordService& passwords, const Call& call, Responder& responder)
{
    const auto body = RestJson::requireObject(
        call.request, responder, QStringLiteral("{\"current_password\": \"...\", \"new_password\": \"...\"}"));
    if (!body)
        return;
    const auto current = stringField(*body, QStringLiteral("current_password"));
    const auto next = stringField(*body, QStringLiteral("new_password"));
    if (!current || !next) {
        RestJson::sendError(responder, Code::BadRequest,
                            QStringLiteral("current_password and new_password strings are required"));
        return;
    }
    if (call.principal.method == Principal::Method::ApiToken) {
        // API tokens never manage passwords (API.md).
        RestJson::sendError(responder, Code::Forbidden, QStringLiteral("API tokens cannot change passwords"));
        return;
    }
    if (call.principal.method == Principal::Method::Anonymous) {
        // Authentication is disabled: there is no current password to check (and guessing
        // one must not count against the client). The first password is set elsewhere.
        RestJson::sendError(responder, Code::BadRequest,
                            QStringLiteral("Authentication is not enabled: set the admin password first"));
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    passwords.changePassword(call.principal, *current, *next, call.client, [pending](std::optional<AuthError> error) {
        if (!error) {
            RestJson::sendSuccess(*pending, 200);
            return;
        }
        if (error->code == Code::InvalidCredentials)
            error->message = QStringLiteral("The current password is wrong");
        sendError(*pending, Dialect::Rest, *error);
    });
}

void me(const ApiContext& api, MeAnswers& answers, const Call& call, Responder& responder)
{
    const AccountRecord* account = api.accountStore.byId(call.principal.accountId);
    if (!account) {
        // The account went away between authentication and now.
        RestJson::sendError(responder, Code::Unauthorized, QStringLiteral("Unauthorized"));
        return;
    }
    const QStringList permissions = api.permissions.permissionsOf(call.principal);
    const QByteArray body = answers.bodyFor(*account, call.principal.method, permissions, [&] {
        const QJsonObject fields =
            RestJson::success({{QStringLiteral("user"), RecordJson::user(*account)},
                               {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
                               {QStringLiteral("auth"), authMethodName(call.principal.method)}});
        return QJsonDocument(fields).toJson(QJsonDocument::Compact);
    });
    responder.send(200, body, QByteArrayLiteral("application/json"));
}

} // namespace

// Handlers capture the ApiContext by value: it is a bundle of references to services that
// outlive the routes, while the context object itself is a local of Server::listen.
void RestAuthApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    const QJsonObject healthy{{QStringLiteral("status"), QStringLiteral("healthy")},
                              {QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION)}};
    for (const QString& path : {QStringLiteral("/health"), QStringLiteral("/api/health")}) {
        endpoints.add(HttpMethod::Get, path, Access::Public, QStringLiteral("Service status and version"),
                      [healthy](const Call&, Responder& r) { r.sendJson(200, healthy); });
    }
    endpoints.add(HttpMethod::Post, QStringLiteral("/api/auth/login"), Access::Public,
                  QStringLiteral("Log in with username and password: a JWT access/refresh pair"),
                  [api](const Call& call, Responder& r) { login(api, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/api/auth/refresh"), Access::Public,
                  QStringLiteral("Exchange a refresh token for a fresh pair (the old one is spent)"),
                  [api](const Call& call, Responder& r) { refresh(api, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/api/logout"), Access::Authenticated,
                  QStringLiteral("End the bearer token's session (Basic: no-op)"),
                  [&auth = api.auth](const Call& call, Responder& r) { logout(auth, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/api/change-password"), Access::Authenticated,
                  QStringLiteral("Change the caller's password; the account's other sessions end"),
                  [&passwords = api.passwords](const Call& call, Responder& r) { changePassword(passwords, call, r); });
    endpoints.add(
        HttpMethod::Get, QStringLiteral("/api/me"), Access::Authenticated,
        QStringLiteral("The caller: user, permissions and how it authenticated"),
        [api, answers = std::make_shared<MeAnswers>()](const Call& call, Responder& r) { me(api, *answers, call, r); });
    // Any other rest path is protected: 401 without a credential, then 404.
    endpoints.setFallback(QStringLiteral("/api/"), Access::Authenticated, [](const Call&, Responder& r) {
        RestJson::sendError(r, Code::NotFound, QStringLiteral("Not found"));
    });
}
