#include "restclient.h"

TokenPair TokenPair::from(const HttpResponse& response)
{
    if (response.status != 200)
        return {};
    const QJsonObject body = response.object();
    return {body.value(QStringLiteral("access_token")).toString().toUtf8(),
            body.value(QStringLiteral("refresh_token")).toString().toUtf8()};
}

RestClient::RestClient(HttpClient& http, UrlFor urlFor) : m_http(http), m_urlFor(std::move(urlFor))
{}

QUrl RestClient::url(const QString& path, const QUrlQuery& query) const
{
    QUrl result = m_urlFor(path);
    if (!query.isEmpty())
        result.setQuery(query);
    return result;
}

HttpResponse RestClient::get(const QString& path, const RequestHeaders& auth, const QUrlQuery& query)
{
    return m_http.get(url(path, query), auth);
}

HttpResponse RestClient::post(const QString& path, const QJsonValue& body, const RequestHeaders& auth)
{
    return m_http.post(url(path), body, auth);
}

HttpResponse RestClient::patch(const QString& path, const QJsonObject& body, const RequestHeaders& auth)
{
    return m_http.send(QByteArrayLiteral("PATCH"), url(path), HttpClient::jsonBytes(body), auth);
}

HttpResponse RestClient::del(const QString& path, const RequestHeaders& auth)
{
    return m_http.del(url(path), auth);
}

HttpResponse RestClient::login(const QString& username, const QString& password)
{
    return post(QStringLiteral("/api/auth/login"),
                QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
}

TokenPair RestClient::loginPair(const QString& username, const QString& password)
{
    return TokenPair::from(login(username, password));
}

HttpResponse RestClient::refresh(const QByteArray& refreshToken)
{
    return post(QStringLiteral("/api/auth/refresh"),
                QJsonObject{{QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken)}});
}

HttpResponse RestClient::logout(const RequestHeaders& auth)
{
    return post(QStringLiteral("/api/logout"), QJsonValue(), auth);
}

HttpResponse RestClient::changePassword(const QString& current, const QString& next, const RequestHeaders& auth)
{
    return post(QStringLiteral("/api/change-password"),
                QJsonObject{{QStringLiteral("current_password"), current}, {QStringLiteral("new_password"), next}},
                auth);
}

HttpResponse RestClient::me(const RequestHeaders& auth)
{
    return get(QStringLiteral("/api/me"), auth);
}

HttpResponse RestClient::listUsers(const RequestHeaders& auth)
{
    return get(QStringLiteral("/api/users"), auth);
}

HttpResponse RestClient::createUser(const QJsonObject& body, const RequestHeaders& auth)
{
    return post(QStringLiteral("/api/users"), body, auth);
}

HttpResponse RestClient::updateUser(const QString& id, const QJsonObject& body, const RequestHeaders& auth)
{
    return patch(QStringLiteral("/api/users/") + id, body, auth);
}

HttpResponse RestClient::removeUser(const QString& id, const RequestHeaders& auth)
{
    return del(QStringLiteral("/api/users/") + id, auth);
}

HttpResponse RestClient::listSessions(const RequestHeaders& auth)
{
    return get(QStringLiteral("/api/sessions"), auth);
}

HttpResponse RestClient::removeSession(const QString& id, const RequestHeaders& auth)
{
    return del(QStringLiteral("/api/sessions/") + id, auth);
}

HttpResponse RestClient::ratelimitEvents(const RequestHeaders& auth, const QUrlQuery& query)
{
    return get(QStringLiteral("/api/ratelimit/events"), auth, query);
}

HttpResponse RestClient::ratelimitBlocks(const RequestHeaders& auth)
{
    return get(QStringLiteral("/api/ratelimit/blocks"), auth);
}

HttpResponse RestClient::unblock(const QString& ip, const RequestHeaders& auth)
{
    return del(QStringLiteral("/api/ratelimit/blocks/") + ip, auth);
}

HttpResponse RestClient::audit(const RequestHeaders& auth, const QUrlQuery& query)
{
    return get(QStringLiteral("/api/audit"), auth, query);
}

HttpResponse RestClient::openapi()
{
    return get(QStringLiteral("/api/openapi.json"));
}

RequestHeaders RestClient::basic(const QString& user, const QString& password)
{
    return HttpClient::basic(user, password);
}

QJsonObject RestClient::userBody(const QString& username, const QString& password, const QString& role)
{
    return QJsonObject{
        {QStringLiteral("username"), username}, {QStringLiteral("password"), password}, {QStringLiteral("role"), role}};
}

QString RestClient::idText(const QJsonValue& id)
{
    if (id.isDouble())
        return QString::number(id.toInteger());
    return id.toString();
}

QList<QJsonObject> RestClient::where(const QJsonArray& array, const QString& key, const QString& value)
{
    QList<QJsonObject> matches;
    for (const QJsonValue& item : array) {
        const QJsonObject object = item.toObject();
        const QJsonValue field = object.value(key);
        if ((field.isDouble() ? idText(field) : field.toString()) == value)
            matches.append(object);
    }
    return matches;
}
