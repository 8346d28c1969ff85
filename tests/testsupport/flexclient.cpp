#include "flexclient.h"

FlexClient::FlexClient(HttpClient& http, UrlFor urlFor) : m_http(http), m_urlFor(std::move(urlFor))
{}

QJsonObject FlexClient::passwordBody(const QString& password)
{
    return QJsonObject{{QStringLiteral("password"), password}};
}

RequestHeaders FlexClient::auth(const QByteArray& token)
{
    return token.isEmpty() ? RequestHeaders{} : HttpClient::bearer(token);
}

HttpResponse FlexClient::status()
{
    return m_http.get(url(QStringLiteral("/flex/auth/status")));
}

HttpResponse FlexClient::login(const QString& password, const RequestHeaders& headers)
{
    return m_http.post(url(QStringLiteral("/flex/auth/login")), passwordBody(password), headers);
}

HttpResponse FlexClient::logout(const QByteArray& token)
{
    return m_http.post(url(QStringLiteral("/flex/auth/logout")), QJsonValue(), auth(token));
}

HttpResponse FlexClient::session(const QByteArray& token)
{
    return m_http.get(url(QStringLiteral("/flex/auth/session")), auth(token));
}

HttpResponse FlexClient::setPassword(const QString& password, const QByteArray& token)
{
    return m_http.put(url(QStringLiteral("/flex/auth/password")), passwordBody(password), auth(token));
}

HttpResponse FlexClient::removePassword(const QByteArray& token)
{
    return m_http.del(url(QStringLiteral("/flex/auth/password")), auth(token));
}

HttpResponse FlexClient::getPath(const QString& path, const QByteArray& token)
{
    return m_http.get(url(path), auth(token));
}

QByteArray FlexClient::loginToken(const QString& password)
{
    const HttpResponse response = login(password);
    if (response.status != 200)
        return {};
    return response.object().value(QStringLiteral("token")).toString().toUtf8();
}
