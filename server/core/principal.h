#pragma once

#include <QString>
#include <QStringList>

// Who a request acts as, once its credential has been checked.
struct Principal
{
    enum class Method {
        Anonymous,
        Bearer,
        Basic,
        ApiToken
    };

    qint64 accountId = 0;
    QString username;
    QString role;
    Method method = Method::Anonymous;
    QString sessionId; // Bearer only
    qint64 sessionCreatedMs = 0;
    qint64 sessionExpiresMs = 0;
    qint64 apiTokenId = 0;        // ApiToken only
    QStringList tokenPermissions; // ApiToken only: the token's own list (PermissionModel intersects it with the role's)
};

// "bearer" | "basic" | "api_token" | "anonymous", as /api/me and X-Auth-Method say it.
QString authMethodName(Principal::Method method);

// The client as the limiter and the logs see it.
struct ClientInfo
{
    QString ip;
    QString userAgent;
    QString dialect; // "flex" | "rest" | "manager"
};
