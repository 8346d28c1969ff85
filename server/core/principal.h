#pragma once

#include <QString>

// Who a request acts as, once its credential has been checked.
struct Principal
{
    enum class Method { Anonymous, Bearer, Basic, ApiToken };

    qint64 accountId = 0;
    QString username;
    QString role;
    Method method = Method::Anonymous;
    QString sessionId;        // Bearer only
    qint64 sessionCreatedMs = 0;
    qint64 sessionExpiresMs = 0;
};

// The client as the limiter and the logs see it.
struct ClientInfo
{
    QString ip;
    QString userAgent;
    QString dialect; // "flex" | "rest" | "manager"
};
