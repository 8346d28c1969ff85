#include "http/flexapi.h"

#include "core/authservice.h"
#include "core/passwordservice.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/jsonbody.h"
#include "http/sessionanswers.h"
#include "values/isotime.h"
#include "values/tokenlifetimes.h"

#include <QJsonValue>

#include <memory>

namespace {

const QString AdminUsername = QStringLiteral("admin");

void sendFlexError(Responder& responder, AuthError::Code code, const QString& message)
{
    sendError(responder, Dialect::Flex, AuthError{code, message, 0});
}

// The password from {"password": "..."}, or an answered 400.
std::optional<QString> passwordFromBody(const Call& call, Responder& responder)
{
    const auto body = parseJsonObject(call.request.body);
    const auto password = body ? stringField(*body, QStringLiteral("password")) : std::nullopt;
    if (!password)
        sendFlexError(responder, AuthError::Code::BadRequest,
                      QStringLiteral("Body must be JSON: {\"password\": \"...\"}"));
    return password;
}

bool requireAdmin(const Call& call, Responder& responder)
{
    // API tokens never manage passwords, whatever their creator's role: a leaked agent token
    // must not be able to take the device over.
    if (call.principal.role == QLatin1String("admin") && call.principal.method != Principal::Method::ApiToken)
        return true;
    sendFlexError(responder, AuthError::Code::Forbidden, QStringLiteral("Forbidden"));
    return false;
}

void login(AuthService& auth, qint64 lifetimeSecs, const Call& call, Responder& responder)
{
    const auto password = passwordFromBody(call, responder);
    if (!password)
        return;
    if (!auth.authEnabled()) {
        sendFlexError(responder, AuthError::Code::BadRequest, QStringLiteral("Authentication is not enabled"));
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    auth.login(LoginRequest{AdminUsername, *password, lifetimeSecs, 0, call.client}, [pending](LoginResult result) {
        if (auto* error = std::get_if<AuthError>(&result)) {
            if (error->code == AuthError::Code::InvalidCredentials)
                error->message = QStringLiteral("Invalid password");
            sendError(*pending, Dialect::Flex, *error);
            return;
        }
        const auto& issued = std::get<IssuedSession>(result);
        pending->sendJson(200,
                          {{QStringLiteral("token"), QString::fromLatin1(issued.accessToken)},
                           {QStringLiteral("expires_at"), isoUtc(issued.accessExpiresAt * 1000)}});
    });
}

void session(SessionAnswers& answers, const Call& call, Responder& responder)
{
    responder.send(200, answers.bodyFor(call.principal), QByteArrayLiteral("application/json"));
}

void logout(AuthService& auth, const Call& call, Responder& responder)
{
    if (const auto error = auth.logout(call.principal, call.client)) {
        sendError(responder, Dialect::Flex, *error);
        return;
    }
    responder.sendJson(200, {});
}

void setPassword(const ApiContext& api, const Call& call, Responder& responder)
{
    if (!requireAdmin(call, responder))
        return;
    const auto password = passwordFromBody(call, responder);
    if (!password)
        return;
    auto pending = std::make_shared<Responder>(std::move(responder));
    api.passwords.setPassword(api.auth.adminAccountId(), *password, call.principal, call.client,
                              [pending](std::optional<AuthError> error) {
                                  if (error)
                                      sendError(*pending, Dialect::Flex, *error);
                                  else
                                      pending->sendJson(200, {{QStringLiteral("auth_enabled"), true}});
                              });
}

void removePassword(const ApiContext& api, const Call& call, Responder& responder)
{
    if (!requireAdmin(call, responder))
        return;
    if (api.auth.authEnabled()) {
        if (const auto error = api.passwords.removeAdminPassword(call.principal, call.client)) {
            sendError(responder, Dialect::Flex, *error);
            return;
        }
    }
    responder.sendJson(200, {{QStringLiteral("auth_enabled"), false}});
}

} // namespace

void FlexApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    AuthService& auth = api.auth;
    const qint64 lifetime = api.lifetimes.flexTokenSecs;
    const QJsonObject ok{{QStringLiteral("status"), QStringLiteral("ok")}};

    endpoints.add(HttpMethod::Get, QStringLiteral("/flex/health"), Access::Public, QStringLiteral("Liveness"),
                  [ok](const Call&, Responder& r) { r.sendJson(200, ok); });
    endpoints.add(HttpMethod::Get, QStringLiteral("/flex/healthz"), Access::Public,
                  QStringLiteral("Liveness and storage reachability"), [&auth, ok](const Call&, Responder& r) {
                      if (auth.storageReachable())
                          r.sendJson(200, ok);
                      else
                          r.sendJson(503, {{QStringLiteral("status"), QStringLiteral("unavailable")}});
                  });
    endpoints.add(HttpMethod::Get, QStringLiteral("/flex/version"), Access::Public, QStringLiteral("Version"),
                  [](const Call&, Responder& r) {
                      r.sendJson(200,
                                 {{QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION)},
                                  {QStringLiteral("api"), QStringLiteral("flex")}});
                  });
    endpoints.add(HttpMethod::Get, QStringLiteral("/flex/auth/status"), Access::Public,
                  QStringLiteral("Whether authentication is enabled"), [&auth](const Call&, Responder& r) {
                      r.sendJson(200, {{QStringLiteral("auth_enabled"), auth.authEnabled()}});
                  });
    endpoints.add(
        HttpMethod::Get, QStringLiteral("/flex/auth/session"), Access::Authenticated,
        QStringLiteral("The caller's session"),
        [answers = std::make_shared<SessionAnswers>()](const Call& call, Responder& r) { session(*answers, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/flex/auth/login"), Access::Public,
                  QStringLiteral("Log in with the device password (24 h token)"),
                  [&auth, lifetime](const Call& call, Responder& r) { login(auth, lifetime, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/flex/auth/logout"), Access::Authenticated,
                  QStringLiteral("End the caller's session"),
                  [&auth](const Call& call, Responder& r) { logout(auth, call, r); });
    endpoints.add(HttpMethod::Put, QStringLiteral("/flex/auth/password"), Access::OpenUntilPasswordSet,
                  QStringLiteral("Set or change the device password"),
                  [api](const Call& call, Responder& r) { setPassword(api, call, r); });
    endpoints.add(HttpMethod::Delete, QStringLiteral("/flex/auth/password"), Access::Authenticated,
                  QStringLiteral("Remove the device password (disables authentication)"),
                  [api](const Call& call, Responder& r) { removePassword(api, call, r); });
    // Any other /flex path is protected: 401 without a credential, else 404 (or whatever
    // an embedding application serves there).
    endpoints.setFallback(QStringLiteral("/flex/"), Access::Authenticated, [](const Call&, Responder& r) {
        sendFlexError(r, AuthError::Code::NotFound, QStringLiteral("Not found"));
    });
}
