#include "oidc/providerhttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace {

QNetworkRequest requestFor(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(ProviderHttp::TimeoutMs);
    request.setRawHeader("Accept", "application/json");
    return request;
}

void finish(QNetworkReply* reply, const ProviderHttp::Done& done)
{
    auto tooLarge = std::make_shared<bool>(false);
    // A provider (or whoever answers in its name) cannot make Gatehouse buffer without bound.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge](qint64 received, qint64) {
        if (received > ProviderHttp::MaxBodyBytes) {
            *tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, tooLarge, done]() {
        reply->deleteLater();
        ProviderHttp::Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*tooLarge) {
            answer.status = 0;
            answer.error = QStringLiteral("the answer is larger than %1 bytes").arg(ProviderHttp::MaxBodyBytes);
        } else if (answer.status == 0) {
            answer.error = reply->error() == QNetworkReply::OperationCanceledError
                ? QStringLiteral("no answer within %1 s").arg(ProviderHttp::TimeoutMs / 1000)
                : reply->errorString();
        } else {
            answer.body = reply->readAll();
        }
        done(answer);
    });
}

} // namespace

void ProviderHttp::get(QNetworkAccessManager& network, const QUrl& url, Done done)
{
    finish(network.get(requestFor(url)), done);
}

void ProviderHttp::postForm(QNetworkAccessManager& network, const QUrl& url, const QByteArray& form,
                            const Headers& headers, Done done)
{
    QNetworkRequest request = requestFor(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    finish(network.post(request, form), done);
}
