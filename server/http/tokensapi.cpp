#include "http/tokensapi.h"

#include "core/apitokenservice.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/requestbodies.h"
#include "http/restjson.h"
#include "values/decimal.h"
#include "values/recordjson.h"

#include <QJsonArray>

namespace {

using Code = AuthError::Code;

const QString TokenShape = QStringLiteral("{\"name\", \"permissions\": [\"resource:action\", ...], \"expires_at\"?}");

// The POST body, or nullopt after answering 400.
std::optional<NewApiToken> parseNewToken(const QJsonObject& body, Responder& responder)
{
    auto token = RequestBodies::newApiToken(body);
    if (!token)
        RestJson::sendError(responder, Code::BadRequest,
                            QStringLiteral("Expected ") + TokenShape
                                + QStringLiteral(" with expires_at an ISO 8601 time or null"));
    return token;
}

void create(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = RestJson::requireObject(call.request, responder, TokenShape);
    if (!body)
        return;
    const auto request = parseNewToken(*body, responder);
    if (!request)
        return;
    const CreateTokenResult result = api.apiTokens.create(call.principal, *request, call.client.ip);
    if (const auto* error = std::get_if<AuthError>(&result)) {
        sendError(responder, Dialect::Rest, *error);
        return;
    }
    const auto& created = std::get<CreatedApiToken>(result);
    RestJson::sendSuccess(
        responder, 201,
        {{QStringLiteral("token"), RecordJson::apiToken(created.token, api.apiTokens.creatorName(created.token))},
         {QStringLiteral("secret"), QString::fromLatin1(created.secret)}});
}

void list(const ApiContext& api, Responder& responder)
{
    QJsonArray tokens;
    for (const ApiTokenRecord& token : api.apiTokens.list())
        tokens.append(RecordJson::apiToken(token, api.apiTokens.creatorName(token)));
    RestJson::sendSuccess(responder, 200, {{QStringLiteral("tokens"), tokens}});
}

void revoke(const ApiContext& api, const Call& call, Responder& responder)
{
    const std::optional<qint64> id = Decimal::parse(call.request.pathParams.value(0));
    const auto error = id ? api.apiTokens.revoke(call.principal, *id, call.client.ip)
                          : std::optional<AuthError>(AuthError{Code::NotFound, QStringLiteral("No such token"), 0});
    if (error)
        sendError(responder, Dialect::Rest, *error);
    else
        RestJson::sendSuccess(responder, 200);
}

} // namespace

void TokensApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/tokens"), QStringLiteral("tokens:read"),
                         QStringLiteral("API tokens, never their secrets"),
                         [api](const Call&, Responder& r) { list(api, r); });
    endpoints.addGuarded(HttpMethod::Post, QStringLiteral("/api/tokens"), QStringLiteral("tokens:write"),
                         QStringLiteral("Create an API token; the secret is in this answer only"),
                         [api](const Call& call, Responder& r) { create(api, call, r); });
    endpoints.addGuarded(HttpMethod::Delete, QStringLiteral("/api/tokens/{id}"), QStringLiteral("tokens:write"),
                         QStringLiteral("Revoke an API token (effective on the next request)"),
                         [api](const Call& call, Responder& r) { revoke(api, call, r); });
}
