#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

enum class HttpMethod {
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
    Options,
    Other
};

// A request as Gatehouse's handlers see it: a plain value copied out of the transport
// (QHttpServerRequest stays inside httpserver.cpp), so a handler may keep it while a
// password hashes on the pool. Only the headers Gatehouse reads are copied.
struct HttpRequest
{
    HttpMethod method = HttpMethod::Other;
    QString path;  // percent-decoded path, e.g. "/flex/auth/login"
    QString query; // raw query string without '?'
    QByteArray body;
    QHostAddress peer; // the socket's peer (see ClientAddress for proxies)
    bool overTls = false;
    QStringList pathParams; // values of {placeholders} in the matched route pattern, in order

    // Header values (empty when absent).
    QByteArray authorization;
    QByteArray contentType;
    QByteArray userAgent;
    QByteArray forwardedFor; // X-Forwarded-For
    QByteArray origin;
    QByteArray originalMethod;   // X-Original-Method (nginx auth_request)
    QByteArray originalUri;      // X-Original-URI
    QByteArray forwardedMethod;  // X-Forwarded-Method (Traefik ForwardAuth)
    QByteArray forwardedUri;     // X-Forwarded-Uri
    bool repeatedHeader = false; // one of the above but X-Forwarded-For came more than once

    QString queryItem(const QString& name) const; // first value, percent-decoded
};

QByteArray methodName(HttpMethod method);
