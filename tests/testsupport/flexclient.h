#pragma once

#include "httpclient.h"

#include <functional>

// The flex dialect's calls, spelled once: each returns the whole HttpResponse so a test
// can check status, headers and body. Works against a TestServer or a gatehoused child.
class FlexClient
{
public:
    using UrlFor = std::function<QUrl(const QString& path)>;

    FlexClient(HttpClient& http, UrlFor urlFor);

    QUrl url(const QString& path) const { return m_urlFor(path); }
    HttpClient& http() { return m_http; }

    HttpResponse status();
    HttpResponse login(const QString& password, const RequestHeaders& headers = {});
    HttpResponse logout(const QByteArray& token = {});
    HttpResponse session(const QByteArray& token = {});
    HttpResponse setPassword(const QString& password, const QByteArray& token = {});
    HttpResponse removePassword(const QByteArray& token = {});
    HttpResponse getPath(const QString& path, const QByteArray& token = {});

    // Login that must succeed; returns the token ("" if it did not).
    QByteArray loginToken(const QString& password);

    static QJsonObject passwordBody(const QString& password);

private:
    static RequestHeaders auth(const QByteArray& token);

    HttpClient& m_http;
    UrlFor m_urlFor;
};
