#pragma once

#include "httpclient.h"
#include "testhelpers.h"
#include "testserver.h"

#include <functional>

// The manager dialect's calls (docs/API.md, "manager dialect"), spelled once. Each returns
// the whole HttpResponse. Works against a TestServer or a gatehoused child.
class ManagerClient
{
public:
    using UrlFor = std::function<QUrl(const QString& path)>;

    // What POST /auth/login and /auth/refresh answer, picked apart; empty unless a 200.
    struct Tokens
    {
        QByteArray access;
        QByteArray refresh;
        qint64 expiresAt = 0;

        bool isValid() const { return !access.isEmpty() && !refresh.isEmpty(); }
        static Tokens from(const HttpResponse& response);
    };

    ManagerClient(HttpClient& http, UrlFor urlFor);
    ManagerClient(HttpClient& http, const TestServer& server); // follows the server across restarts

    QUrl url(const QString& path) const { return m_urlFor(path); }

    HttpResponse login(const QString& username, const QString& password);
    Tokens loginTokens(const QString& username, const QString& password);
    HttpResponse refresh(const QByteArray& refreshToken);
    HttpResponse logout(const RequestHeaders& auth, const QByteArray& body = {});
    HttpResponse openid();
    HttpResponse openidCallback(const QString& query);
    HttpResponse send(const QByteArray& method, const QString& path, const QByteArray& body = {},
                      const RequestHeaders& headers = {});

    static QJsonObject loginBody(const QString& username, const QString& password);

private:
    HttpClient& m_http;
    UrlFor m_urlFor;
};

// An error in the manager envelope: the status, then exactly {"error": code, "message":
// "<non-empty text>"} (a 429 also carries "retry_after_seconds").
#define EXPECT_MANAGER_ERROR(response, expectedStatus, code)                                                           \
    do {                                                                                                               \
        const auto& managerResponse_ = (response);                                                                     \
        EXPECT_STATUS(managerResponse_, expectedStatus);                                                               \
        const QJsonObject managerBody_ = managerResponse_.object();                                                    \
        const int managerKeys_ = (expectedStatus) == 429 ? 3 : 2;                                                      \
        QVERIFY2(managerBody_.size() == managerKeys_ && managerBody_.value(QStringLiteral("message")).isString()       \
                     && !managerBody_.value(QStringLiteral("message")).toString().isEmpty(),                           \
                 qPrintable(QStringLiteral("not a manager error body: ") + QString::fromUtf8(managerResponse_.body))); \
        QCOMPARE(managerBody_.value(QStringLiteral("error")).toString(), QLatin1String(code));                         \
    } while (false)
