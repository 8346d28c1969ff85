#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

using RequestHeaders = QList<QPair<QByteArray, QByteArray>>;

// One finished exchange. status 0 means no HTTP answer arrived (error says why).
struct HttpResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QJsonDocument json;
    QString error;

    QByteArray header(const QByteArray& name) const; // case-insensitive; "" if absent
    bool hasHeader(const QByteArray& name) const;
    QJsonObject object() const { return json.object(); }
    QString describe() const; // for failure messages: status, body (truncated), error
};

// Synchronous HTTP helpers over QNetworkAccessManager: each call runs a QEventLoop until
// the reply finishes or the timeout hits. Over TLS it trusts exactly one certificate (the
// server's self-signed one, added as the only CA); any other TLS error fails the request.
class HttpClient
{
public:
    explicit HttpClient(const QString& trustedCertificateFile = {});

    void setTrustedCertificateFile(const QString& path);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    HttpResponse get(const QUrl& url, const RequestHeaders& headers = {});
    HttpResponse post(const QUrl& url, const QJsonValue& body = {}, const RequestHeaders& headers = {});
    HttpResponse put(const QUrl& url, const QJsonValue& body = {}, const RequestHeaders& headers = {});
    HttpResponse del(const QUrl& url, const RequestHeaders& headers = {});
    // Any method with exact body bytes (e.g. malformed JSON); Content-Type application/json
    // is added when the body is not empty and headers name none.
    HttpResponse send(const QByteArray& method, const QUrl& url, const QByteArray& body,
                      const RequestHeaders& headers = {});

    static RequestHeaders bearer(const QByteArray& token);
    static RequestHeaders basic(const QString& user, const QString& password);
    static QByteArray jsonBytes(const QJsonValue& value); // "" for an undefined value

private:
    HttpResponse wait(QNetworkReply* reply);

    QNetworkAccessManager m_manager;
    QList<QSslCertificate> m_trusted;
    int m_timeoutMs = 30'000;
};
