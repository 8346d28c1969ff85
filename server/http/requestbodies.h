#pragma once

#include "core/accountservice.h"
#include "core/apitokenservice.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The JSON bodies of the rest dialect's administration routes, each read and checked by one
// function that answers nothing: on nullopt the route answers 400 with the expected shape.
// Kept apart from the routes so that the fuzz harness (tests/fuzz/json.cpp) runs exactly the
// code the routes run. The login, refresh and password bodies of every dialect need no more
// than parseJsonObject() and stringField() (jsonbody.h).
namespace RequestBodies {

// POST /api/users: {"username", "password", "role", "firstname"?, "lastname"?}, all strings.
struct NewUser
{
    QString username;
    QString password;
    QString role;
    QString firstname;
    QString lastname;
};
std::optional<NewUser> newUser(const QJsonObject& body);

// PATCH /api/users/{id}: a non-empty subset of {"firstname", "lastname", "role", "password"}
// (strings) and "disabled" (a boolean); any other member is refused.
struct UserChange
{
    AccountChanges fields;
    std::optional<QString> password;

    bool changesFields() const { return fields.firstname || fields.lastname || fields.role || fields.disabled; }
};
std::optional<UserChange> userChange(const QJsonObject& body);

// POST /api/tokens: {"name": string, "permissions": [string...], "expires_at"?: ISO 8601 time
// or null}; any other member is refused, so that a misspelt "expires" does not silently
// create a token that never expires.
std::optional<NewApiToken> newApiToken(const QJsonObject& body);

} // namespace RequestBodies
