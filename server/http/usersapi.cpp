#include "http/usersapi.h"

#include "core/accountservice.h"
#include "core/accountstore.h"
#include "core/passwordservice.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/requestbodies.h"
#include "http/restjson.h"
#include "values/decimal.h"
#include "values/recordjson.h"

#include <QJsonArray>

#include <memory>

namespace {

using Code = AuthError::Code;

const QString UserShape = QStringLiteral("{\"username\", \"password\", \"role\", \"firstname\"?, \"lastname\"?}");
const QString ChangeShape =
    QStringLiteral("any of {\"firstname\", \"lastname\", \"role\", \"disabled\", \"password\"}");

using RequestBodies::UserChange;

std::optional<qint64> accountId(const Call& call, Responder& responder)
{
    const std::optional<qint64> id = Decimal::parse(call.request.pathParams.value(0));
    if (id && *id > 0)
        return id;
    RestJson::sendError(responder, Code::BadRequest, QStringLiteral("The user id must be a positive integer"));
    return std::nullopt;
}

void sendUser(Responder& responder, int status, const AccountResult& result)
{
    if (const auto* error = std::get_if<AuthError>(&result))
        sendError(responder, Dialect::Rest, *error);
    else
        RestJson::sendSuccess(responder, status,
                              {{QStringLiteral("user"), RecordJson::user(std::get<AccountRecord>(result))}});
}

void list(AccountService& accounts, Responder& responder)
{
    QJsonArray users;
    for (const AccountRecord& account : accounts.list())
        users.append(RecordJson::user(account));
    RestJson::sendSuccess(responder, 200, {{QStringLiteral("users"), users}});
}

void create(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = RestJson::requireObject(call.request, responder, UserShape);
    if (!body)
        return;
    const auto user = RequestBodies::newUser(*body);
    if (!user) {
        RestJson::sendError(responder, Code::BadRequest, QStringLiteral("Expected strings: ") + UserShape);
        return;
    }
    AccountRecord draft;
    draft.username = user->username;
    draft.role = user->role;
    draft.firstname = user->firstname;
    draft.lastname = user->lastname;
    auto pending = std::make_shared<Responder>(std::move(responder));
    // Policy and hashing run on the pool; the account is created only with a hash in hand.
    api.passwords.hashPassword(user->password,
                               [api, draft, principal = call.principal, client = call.client,
                                pending](const PasswordService::HashResult& hashed) mutable {
                                   if (const auto* error = std::get_if<AuthError>(&hashed)) {
                                       sendError(*pending, Dialect::Rest, *error);
                                       return;
                                   }
                                   draft.passwordHash = std::get<QByteArray>(hashed);
                                   sendUser(*pending, 201, api.accounts.create(std::move(draft), principal, client));
                               });
}

// The PATCH body, or nullopt after answering 400.
std::optional<UserChange> parseChange(const QJsonObject& body, Responder& responder)
{
    auto change = RequestBodies::userChange(body);
    if (!change)
        RestJson::sendError(responder, Code::BadRequest, QStringLiteral("Expected ") + ChangeShape);
    return change;
}

void setPasswordAndAnswer(const ApiContext& api, qint64 id, const QString& password, const Principal& actor,
                          const ClientInfo& client, const std::shared_ptr<Responder>& pending)
{
    api.passwords.setPassword(id, password, actor, client, [api, id, pending](std::optional<AuthError> error) {
        const AccountRecord* account = api.accountStore.byId(id);
        if (!error && !account)
            error = AuthError{Code::NotFound, QStringLiteral("No such account"), 0};
        if (error)
            sendError(*pending, Dialect::Rest, *error);
        else
            sendUser(*pending, 200, *account);
    });
}

// Fields and password together: the new password is put to the policy first, so that a
// refused password leaves the other fields unchanged too; then the fields, then the
// password (hashed again: PasswordService commits only a hash it made itself).
void updateThenSetPassword(const ApiContext& api, qint64 id, const UserChange& change, const Call& call,
                           const std::shared_ptr<Responder>& pending)
{
    api.passwords.hashPassword(*change.password,
                               [api, id, change, principal = call.principal, client = call.client,
                                pending](const PasswordService::HashResult& hashed) {
                                   if (const auto* error = std::get_if<AuthError>(&hashed)) {
                                       sendError(*pending, Dialect::Rest, *error);
                                       return;
                                   }
                                   const AccountResult updated =
                                       api.accounts.update(id, change.fields, principal, client);
                                   if (const auto* error = std::get_if<AuthError>(&updated)) {
                                       sendError(*pending, Dialect::Rest, *error);
                                       return;
                                   }
                                   setPasswordAndAnswer(api, id, *change.password, principal, client, pending);
                               });
}

void patch(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto id = accountId(call, responder);
    const auto body = id ? RestJson::requireObject(call.request, responder, ChangeShape) : std::nullopt;
    const auto change = body ? parseChange(*body, responder) : std::nullopt;
    if (!change)
        return;
    // Before anything is hashed or changed: the password, like every field, only of an
    // account holding nothing the caller lacks (AccountService::update checks the fields too).
    if (const auto refused = api.accounts.checkMayManage(call.principal, *id)) {
        sendError(responder, Dialect::Rest, *refused);
        return;
    }
    if (!change->password) {
        const AccountResult updated = api.accounts.update(*id, change->fields, call.principal, call.client);
        // The stored record carries the new updated_at.
        const AccountRecord* stored = api.accountStore.byId(*id);
        sendUser(responder, 200, std::holds_alternative<AuthError>(updated) || !stored ? updated : *stored);
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    if (change->changesFields())
        updateThenSetPassword(api, *id, *change, call, pending);
    else
        setPasswordAndAnswer(api, *id, *change->password, call.principal, call.client, pending);
}

void remove(AccountService& accounts, const Call& call, Responder& responder)
{
    const auto id = accountId(call, responder);
    if (!id)
        return;
    if (const auto error = accounts.remove(*id, call.principal, call.client))
        sendError(responder, Dialect::Rest, *error);
    else
        RestJson::sendSuccess(responder, 200);
}

} // namespace

// Handlers capture the ApiContext by value: references to services that outlive the routes.
void UsersApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/users"), QStringLiteral("users:read"),
                         QStringLiteral("List user accounts"),
                         [&accounts = api.accounts](const Call&, Responder& r) { list(accounts, r); });
    endpoints.addGuarded(HttpMethod::Post, QStringLiteral("/api/users"), QStringLiteral("users:write"),
                         QStringLiteral("Create a user account"),
                         [api](const Call& call, Responder& r) { create(api, call, r); });
    endpoints.addGuarded(HttpMethod::Patch, QStringLiteral("/api/users/{id}"), QStringLiteral("users:write"),
                         QStringLiteral("Change a user's names, role, disabled flag or password"),
                         [api](const Call& call, Responder& r) { patch(api, call, r); });
    endpoints.addGuarded(HttpMethod::Delete, QStringLiteral("/api/users/{id}"), QStringLiteral("users:write"),
                         QStringLiteral("Remove a user account and end its sessions"),
                         [&accounts = api.accounts](const Call& call, Responder& r) { remove(accounts, call, r); });
}
