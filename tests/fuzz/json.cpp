// The JSON request bodies of every dialect, through the functions their routes call: the
// input is one request body. parseJsonObject() (jsonbody.h) reads every body; the flex,
// manager and rest login, refresh and password bodies then take their members with
// stringField(); the rest administration bodies go through RequestBodies (requestbodies.h);
// expires_at and the rate-limit log's times through parseIsoTime(). Properties:
// - a body that parses re-serialises to an equal object (nothing read differently twice);
// - what a body function accepts has exactly the documented members and types;
// - a time that parses prints (isoUtc) and parses back to the same second.
#include "http/jsonbody.h"
#include "http/requestbodies.h"
#include "values/isotime.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

void require(bool property)
{
    if (!property)
        std::abort();
}

bool onlyMembers(const QJsonObject& object, const QStringList& allowed)
{
    for (const QString& key : object.keys()) {
        if (!allowed.contains(key))
            return false;
    }
    return true;
}

bool absentOrString(const QJsonObject& object, const QString& name)
{
    return !object.contains(name) || object.value(name).isString();
}

// The members the flex, manager and rest routes read with stringField().
void stringMembers(const QJsonObject& body)
{
    for (const char* name :
         {"password", "username", "refreshToken", "refresh_token", "current_password", "new_password"}) {
        const QString key = QString::fromLatin1(name);
        const std::optional<QString> value = stringField(body, key);
        require(value.has_value() == body.value(key).isString());
        require(!value || *value == body.value(key).toString());
    }
}

void newUser(const QJsonObject& body)
{
    const auto user = RequestBodies::newUser(body);
    if (!user)
        return;
    require(user->username == body.value(u"username").toString() && body.value(u"username").isString());
    require(user->password == body.value(u"password").toString() && body.value(u"password").isString());
    require(user->role == body.value(u"role").toString() && body.value(u"role").isString());
    require(absentOrString(body, u"firstname"_s) && absentOrString(body, u"lastname"_s));
    require(user->firstname == body.value(u"firstname").toString());
}

void userChange(const QJsonObject& body)
{
    const auto change = RequestBodies::userChange(body);
    if (!change)
        return;
    require(!body.isEmpty()
            && onlyMembers(body, {u"firstname"_s, u"lastname"_s, u"role"_s, u"disabled"_s, u"password"_s}));
    require(change->changesFields() || change->password);
    require(change->fields.role.has_value() == body.contains(u"role") && absentOrString(body, u"role"_s));
    require(change->password.has_value() == body.contains(u"password") && absentOrString(body, u"password"_s));
    require(change->fields.disabled.has_value() == body.contains(u"disabled"));
    require(!change->fields.disabled || body.value(u"disabled").isBool());
}

void newApiToken(const QJsonObject& body)
{
    const auto token = RequestBodies::newApiToken(body);
    if (!token)
        return;
    require(onlyMembers(body, {u"name"_s, u"permissions"_s, u"expires_at"_s}));
    require(body.value(u"name").isString() && token->name == body.value(u"name").toString());
    const QJsonArray permissions = body.value(u"permissions").toArray();
    require(body.value(u"permissions").isArray() && token->permissions.size() == permissions.size());
    for (qsizetype i = 0; i < permissions.size(); ++i)
        require(permissions[i].isString() && permissions[i].toString() == token->permissions[i]);
    const QJsonValue expires = body.value(u"expires_at");
    if (expires.isString())
        require(parseIsoTime(expires.toString()) == token->expiresAtMs);
    else
        require((expires.isNull() || expires.isUndefined()) && token->expiresAtMs == 0);
}

// Years 1 to 9999: what isoUtc() prints as four digits and ISO 8601 can read back.
void isoTime(const QString& text)
{
    const std::optional<qint64> ms = parseIsoTime(text);
    if (!ms)
        return;
    constexpr qint64 Year1 = -62135596800000LL;
    constexpr qint64 Year10000 = 253402300800000LL;
    if (*ms < Year1 || *ms >= Year10000)
        return;
    const qint64 second = *ms - ((*ms % 1000) + 1000) % 1000;
    require(parseIsoTime(isoUtc(*ms)) == second);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    isoTime(QString::fromUtf8(bytes));
    const std::optional<QJsonObject> body = parseJsonObject(bytes);
    if (!body)
        return 0;
    require(parseJsonObject(QJsonDocument(*body).toJson(QJsonDocument::Compact)) == *body);
    stringMembers(*body);
    newUser(*body);
    userChange(*body);
    newApiToken(*body);
    for (const QJsonValue& value : *body) {
        if (value.isString())
            isoTime(value.toString());
    }
    return 0;
}
