#include "httpclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResponse::hasHeader(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpResponse::describe() const
{
    return QStringLiteral("status %1, body %2, error '%3'").arg(status).arg(QString::fromUtf8(body.left(400)), error);
}

HttpClient::HttpClient(const QString& trustedCertificateFile)
{
    if (!trustedCertificateFile.isEmpty())
        setTrustedCertificateFile(trustedCertificateFile);
}

void HttpClient::setTrustedCertificateFile(const QString& path)
{
    m_trusted = QSslCertificate::fromPath(path, QSsl::Pem);
    // A new trust anchor must not meet connections made under the old one.
    m_manager.clearConnectionCache();
}

RequestHeaders HttpClient::bearer(const QByteArray& token)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token}};
}

RequestHeaders HttpClient::basic(const QString& user, const QString& password)
{
    const QByteArray credential = (user + u':' + password).toUtf8().toBase64();
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + credential}};
}

QByteArray HttpClient::jsonBytes(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return {};
}

HttpResponse HttpClient::get(const QUrl& url, const RequestHeaders& headers)
{
    return send(QByteArrayLiteral("GET"), url, {}, headers);
}

HttpResponse HttpClient::post(const QUrl& url, const QJsonValue& body, const RequestHeaders& headers)
{
    return send(QByteArrayLiteral("POST"), url, jsonBytes(body), headers);
}

HttpResponse HttpClient::put(const QUrl& url, const QJsonValue& body, const RequestHeaders& headers)
{
    return send(QByteArrayLiteral("PUT"), url, jsonBytes(body), headers);
}

HttpResponse HttpClient::del(const QUrl& url, const RequestHeaders& headers)
{
    return send(QByteArrayLiteral("DELETE"), url, {}, headers);
}

HttpResponse HttpClient::send(const QByteArray& method, const QUrl& url, const QByteArray& body,
                              const RequestHeaders& headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_trusted); // only the server's own certificate is a trust anchor
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    bool namesContentType = false;
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
        namesContentType = namesContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !namesContentType)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = body.isEmpty() && method != "POST" && method != "PUT"
        ? m_manager.sendCustomRequest(request, method)
        : m_manager.sendCustomRequest(request, method, body);
    return wait(reply);
}

HttpResponse HttpClient::wait(QNetworkReply* reply)
{
    HttpResponse response;
    QStringList sslErrors;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&sslErrors](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            sslErrors << error.errorString();
    });
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        response.error = QStringLiteral("timeout after %1 ms").arg(m_timeoutMs);
        reply->deleteLater();
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    response.json = QJsonDocument::fromJson(response.body);
    if (reply->error() != QNetworkReply::NoError && response.status == 0)
        response.error = reply->errorString() + u' ' + sslErrors.join(u"; ");
    reply->deleteLater();
    return response;
}
