#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

// One bounded request to the OpenID provider, answered on the calling thread's event loop
// (nothing blocks while a provider is slow): no redirects followed, at most
// `MaxBodyBytes` read, given up after `TimeoutMs`.
namespace ProviderHttp {

constexpr int TimeoutMs = 10'000;
constexpr qint64 MaxBodyBytes = 1 << 20;

struct Answer
{
    int status = 0; // 0: no HTTP answer (unreachable, timeout, too large); `error` says why
    QByteArray body;
    QString error;
    bool reached() const { return status != 0; }
};
using Done = std::function<void(const Answer&)>;
using Headers = QList<QPair<QByteArray, QByteArray>>;

void get(QNetworkAccessManager& network, const QUrl& url, Done done);
// A form POST (application/x-www-form-urlencoded).
void postForm(QNetworkAccessManager& network, const QUrl& url, const QByteArray& form, const Headers& headers,
              Done done);

} // namespace ProviderHttp
