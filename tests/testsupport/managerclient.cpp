#include "managerclient.h"

ManagerClient::Tokens ManagerClient::Tokens::from(const HttpResponse& response)
{
    if (response.status != 200)
        return {};
    const QJsonObject tokens = response.object().value(QStringLiteral("tokens")).toObject();
    return {tokens.value(QStringLiteral("accessToken")).toString().toUtf8(),
            tokens.value(QStringLiteral("refreshToken")).toString().toUtf8(),
            tokens.value(QStringLiteral("expiresAt")).toInteger()};
}

ManagerClient::ManagerClient(HttpClient& http, UrlFor urlFor) : m_http(http), m_urlFor(std::move(urlFor))
{}

ManagerClient::ManagerClient(HttpClient& http, const TestServer& server)
    : ManagerClient(http, [&server](const QString& path) { return server.url(path); })
{}

QJsonObject ManagerClient::loginBody(const QString& username, const QString& password)
{
    return QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

HttpResponse ManagerClient::login(const QString& username, const QString& password)
{
    return m_http.post(url(QStringLiteral("/auth/login")), loginBody(username, password));
}

ManagerClient::Tokens ManagerClient::loginTokens(const QString& username, const QString& password)
{
    return Tokens::from(login(username, password));
}

HttpResponse ManagerClient::refresh(const QByteArray& refreshToken)
{
    return m_http.post(url(QStringLiteral("/auth/refresh")),
                       QJsonObject{{QStringLiteral("refreshToken"), QString::fromUtf8(refreshToken)}});
}

HttpResponse ManagerClient::logout(const RequestHeaders& auth, const QByteArray& body)
{
    return m_http.send(QByteArrayLiteral("POST"), url(QStringLiteral("/auth/logout")), body, auth);
}

HttpResponse ManagerClient::openid()
{
    return m_http.get(url(QStringLiteral("/auth/openid")));
}

HttpResponse ManagerClient::openidCallback(const QString& query)
{
    QUrl callback = url(QStringLiteral("/auth/openid/callback"));
    callback.setQuery(query);
    return m_http.get(callback);
}

HttpResponse ManagerClient::send(const QByteArray& method, const QString& path, const QByteArray& body,
                                 const RequestHeaders& headers)
{
    return m_http.send(method, url(path), body, headers);
}
