#include "http/requestbodies.h"

#include "http/jsonbody.h"
#include "values/isotime.h"

#include <QJsonArray>

namespace {

// An optional string member: absent is fine, present but not a string is not.
bool readOptionalString(const QJsonObject& body, const QString& name, std::optional<QString>* out)
{
    if (!body.contains(name))
        return true;
    *out = stringField(body, name);
    return out->has_value();
}

bool onlyMembers(const QJsonObject& body, const QStringList& allowed)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()))
            return false;
    }
    return true;
}

} // namespace

namespace RequestBodies {

std::optional<NewUser> newUser(const QJsonObject& body)
{
    const auto username = stringField(body, QStringLiteral("username"));
    const auto password = stringField(body, QStringLiteral("password"));
    const auto role = stringField(body, QStringLiteral("role"));
    std::optional<QString> firstname;
    std::optional<QString> lastname;
    if (!username || !password || !role || !readOptionalString(body, QStringLiteral("firstname"), &firstname)
        || !readOptionalString(body, QStringLiteral("lastname"), &lastname))
        return std::nullopt;
    return NewUser{*username, *password, *role, firstname.value_or(QString()), lastname.value_or(QString())};
}

std::optional<UserChange> userChange(const QJsonObject& body)
{
    static const QStringList allowed{QStringLiteral("firstname"), QStringLiteral("lastname"), QStringLiteral("role"),
                                     QStringLiteral("disabled"), QStringLiteral("password")};
    UserChange change;
    const bool valid = !body.isEmpty() && onlyMembers(body, allowed)
        && readOptionalString(body, QStringLiteral("firstname"), &change.fields.firstname)
        && readOptionalString(body, QStringLiteral("lastname"), &change.fields.lastname)
        && readOptionalString(body, QStringLiteral("role"), &change.fields.role)
        && readOptionalString(body, QStringLiteral("password"), &change.password);
    if (!valid)
        return std::nullopt;
    const QJsonValue disabled = body.value(QStringLiteral("disabled"));
    if (disabled.isBool())
        change.fields.disabled = disabled.toBool();
    else if (!disabled.isUndefined())
        return std::nullopt;
    return change;
}

std::optional<NewApiToken> newApiToken(const QJsonObject& body)
{
    static const QStringList allowed{QStringLiteral("name"), QStringLiteral("permissions"),
                                     QStringLiteral("expires_at")};
    const QJsonValue name = body.value(QStringLiteral("name"));
    const QJsonValue permissions = body.value(QStringLiteral("permissions"));
    if (!name.isString() || !permissions.isArray() || !onlyMembers(body, allowed))
        return std::nullopt;
    NewApiToken token;
    token.name = name.toString();
    for (const QJsonValue& permission : permissions.toArray()) {
        if (!permission.isString())
            return std::nullopt;
        token.permissions.append(permission.toString());
    }
    const QJsonValue expires = body.value(QStringLiteral("expires_at"));
    if (expires.isString()) {
        const auto ms = parseIsoTime(expires.toString());
        if (!ms)
            return std::nullopt;
        token.expiresAtMs = *ms;
    } else if (!expires.isNull() && !expires.isUndefined()) {
        return std::nullopt;
    }
    return token;
}

} // namespace RequestBodies
