#pragma once

#include "httpclient.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <functional>

// An access/refresh pair as POST /api/auth/login and /api/auth/refresh return it.
struct TokenPair
{
    QByteArray access;
    QByteArray refresh;

    bool isValid() const { return !access.isEmpty() && !refresh.isEmpty(); }
    static TokenPair from(const HttpResponse& response); // empty unless a 200 with both tokens
};

// The rest dialect's calls (docs/API.md, "rest dialect" and "Administration"), spelled once.
// Each returns the whole HttpResponse; `auth` is the Authorization header to send (Bearer,
// Basic or none). Works against a TestServer or a gatehoused child.
class RestClient
{
public:
    using UrlFor = std::function<QUrl(const QString& path)>;

    RestClient(HttpClient& http, UrlFor urlFor);

    QUrl url(const QString& path, const QUrlQuery& query = {}) const;
    HttpClient& http() { return m_http; }

    HttpResponse get(const QString& path, const RequestHeaders& auth = {}, const QUrlQuery& query = {});
    HttpResponse post(const QString& path, const QJsonValue& body = {}, const RequestHeaders& auth = {});
    HttpResponse patch(const QString& path, const QJsonObject& body, const RequestHeaders& auth = {});
    HttpResponse del(const QString& path, const RequestHeaders& auth = {});

    // Authentication
    HttpResponse login(const QString& username, const QString& password);
    TokenPair loginPair(const QString& username, const QString& password); // empty pair unless 200
    HttpResponse refresh(const QByteArray& refreshToken);
    HttpResponse logout(const RequestHeaders& auth);
    HttpResponse changePassword(const QString& current, const QString& next, const RequestHeaders& auth);
    HttpResponse me(const RequestHeaders& auth = {});

    // Administration
    HttpResponse listUsers(const RequestHeaders& auth);
    HttpResponse createUser(const QJsonObject& body, const RequestHeaders& auth);
    HttpResponse updateUser(const QString& id, const QJsonObject& body, const RequestHeaders& auth);
    HttpResponse removeUser(const QString& id, const RequestHeaders& auth);
    HttpResponse listSessions(const RequestHeaders& auth);
    HttpResponse removeSession(const QString& id, const RequestHeaders& auth);
    HttpResponse ratelimitEvents(const RequestHeaders& auth, const QUrlQuery& query = {});
    HttpResponse ratelimitBlocks(const RequestHeaders& auth);
    HttpResponse unblock(const QString& ip, const RequestHeaders& auth);
    HttpResponse audit(const RequestHeaders& auth, const QUrlQuery& query = {});
    HttpResponse openapi();

    static RequestHeaders bearer(const QByteArray& token) { return HttpClient::bearer(token); }
    static RequestHeaders basic(const QString& user, const QString& password);
    static QJsonObject userBody(const QString& username, const QString& password, const QString& role);
    // An "id" as text whether the server writes it as a JSON number or a string.
    static QString idText(const QJsonValue& id);
    // The objects of `array` whose `key` equals `value` (compared as text).
    static QList<QJsonObject> where(const QJsonArray& array, const QString& key, const QString& value);

private:
    HttpClient& m_http;
    UrlFor m_urlFor;
};
