#include "values/oidcsettings.h"

#include "values/decimal.h"

#include <QStringList>

bool OidcSettings::isLoopbackHttp(const QUrl& url)
{
    if (url.scheme() != u"http")
        return false;
    const QString host = url.host();
    if (host == u"localhost" || host == u"::1")
        return true;
    // 127.0.0.0/8 as a dotted quad (values/ stays free of QtNetwork's QHostAddress).
    const QStringList parts = host.split(u'.');
    if (parts.size() != 4 || parts.first() != u"127")
        return false;
    for (const QString& part : parts) {
        const std::optional<qint64> value = Decimal::parse(part);
        if (!value || part.size() > 3 || *value > 255)
            return false;
    }
    return true;
}

bool OidcSettings::isAcceptableIssuer(const QUrl& url)
{
    return url.isValid() && !url.host().isEmpty() && !url.hasQuery() && !url.hasFragment()
        && (url.scheme() == u"https" || isLoopbackHttp(url));
}

QUrl OidcSettings::discoveryUrl() const
{
    QString base = issuer;
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}
