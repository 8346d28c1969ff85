#include "oidc/oidcprovider.h"

#include "core/clock.h"
#include "oidc/oidclogging.h"
#include "oidc/providerhttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcOidc, "gatehouse.oidc", QtInfoMsg)

namespace {

QByteArray formEncode(const QList<QPair<QString, QString>>& fields)
{
    QByteArray form;
    for (const auto& [name, value] : fields) {
        if (!form.isEmpty())
            form += '&';
        form += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return form;
}

} // namespace

OidcProvider::OidcProvider(const OidcSettings& settings, const Clock& clock, QObject* parent)
    : QObject(parent), m_settings(settings), m_clock(clock)
{
    m_network.setAutoDeleteReplies(false);
}

void OidcProvider::metadata(MetadataDone done)
{
    if (m_metadata) {
        done(&*m_metadata, {});
        return;
    }
    m_waitingForMetadata.push_back(std::move(done));
    if (m_waitingForMetadata.size() == 1)
        fetchMetadata();
}

void OidcProvider::fetchMetadata()
{
    const QUrl url = m_settings.discoveryUrl();
    ProviderHttp::get(m_network, url, [this](const ProviderHttp::Answer& answer) {
        QString error;
        if (!answer.reached())
            error = QStringLiteral("discovery: %1").arg(answer.error);
        else if (answer.status != 200)
            error = QStringLiteral("discovery: HTTP %1").arg(answer.status);
        else
            m_metadata = ProviderMetadata::parse(answer.body, m_settings.issuer, &error);
        if (!m_metadata) {
            m_lastError = error;
            qCWarning(lcOidc).noquote() << "OpenID provider" << m_settings.issuer << "-" << error;
        }
        const auto waiting = std::exchange(m_waitingForMetadata, {});
        for (const MetadataDone& done : waiting)
            done(m_metadata ? &*m_metadata : nullptr, error);
    });
}

void OidcProvider::keys(bool unknownKid, KeysDone done)
{
    const bool refetch = unknownKid && m_clock.nowMs() - m_keysFetchedAtMs >= KeyRefetchIntervalMs;
    if (m_keys && !refetch) {
        done(&*m_keys, {});
        return;
    }
    m_waitingForKeys.push_back(std::move(done));
    if (m_waitingForKeys.size() == 1)
        fetchKeys();
}

void OidcProvider::refresh(KeysDone done)
{
    m_metadata.reset();
    m_keys.reset();
    m_lastError.clear();
    // The document first, then the keys it names: a JWKS fetch in flight on the old document
    // must not leave the document itself unfetched.
    metadata([this, done = std::move(done)](const ProviderMetadata* metadata, const QString& error) {
        if (!metadata) {
            done(nullptr, error);
            return;
        }
        keys(false, done);
    });
}

void OidcProvider::fetchKeys()
{
    metadata([this](const ProviderMetadata* metadata, const QString& metadataError) {
        if (!metadata) {
            const auto waiting = std::exchange(m_waitingForKeys, {});
            for (const KeysDone& done : waiting)
                done(m_keys ? &*m_keys : nullptr, metadataError);
            return;
        }
        ProviderHttp::get(m_network, metadata->jwksUri, [this](const ProviderHttp::Answer& answer) {
            QString error;
            std::optional<JwkSet> keys;
            if (!answer.reached())
                error = QStringLiteral("keys: %1").arg(answer.error);
            else if (answer.status != 200)
                error = QStringLiteral("keys: HTTP %1").arg(answer.status);
            else
                keys = JwkSet::fromJson(answer.body, &error);
            m_keysFetchedAtMs = m_clock.nowMs();
            if (keys) {
                m_keys = std::move(keys);
                qCInfo(lcOidc) << "OpenID provider keys loaded:" << m_keys->size();
            } else {
                m_lastError = error;
                qCWarning(lcOidc).noquote() << "OpenID provider" << m_settings.issuer << "-" << error;
            }
            const auto waiting = std::exchange(m_waitingForKeys, {});
            for (const KeysDone& done : waiting)
                done(m_keys ? &*m_keys : nullptr, error);
        });
    });
}

void OidcProvider::exchangeCode(const QString& code, const QByteArray& codeVerifier, const QString& redirectUri,
                                std::function<void(const Exchange&)> done)
{
    metadata([this, code, codeVerifier, redirectUri, done](const ProviderMetadata* metadata, const QString& error) {
        if (!metadata) {
            done({{}, true, error});
            return;
        }
        QList<QPair<QString, QString>> fields = {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                 {QStringLiteral("code"), code},
                                                 {QStringLiteral("redirect_uri"), redirectUri},
                                                 {QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier)}};
        ProviderHttp::Headers headers;
        const QString secret = QString::fromUtf8(m_settings.clientSecret);
        if (metadata->tokenEndpointAuthMethod == u"client_secret_post") {
            fields.append({QStringLiteral("client_id"), m_settings.clientId});
            fields.append({QStringLiteral("client_secret"), secret});
        } else {
            // RFC 6749 2.3.1: each part form-encoded before the Basic encoding.
            const QByteArray user = QUrl::toPercentEncoding(m_settings.clientId);
            const QByteArray password = QUrl::toPercentEncoding(secret);
            const QByteArray credentials = user + ':' + password;
            headers.append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
        }
        ProviderHttp::postForm(m_network, metadata->tokenEndpoint, formEncode(fields), headers,
                               [done](const ProviderHttp::Answer& answer) {
                                   Exchange exchange;
                                   if (!answer.reached() || answer.status >= 500) {
                                       exchange.unreachable = true;
                                       exchange.error = answer.reached()
                                           ? QStringLiteral("token endpoint: HTTP %1").arg(answer.status)
                                           : QStringLiteral("token endpoint: %1").arg(answer.error);
                                   } else {
                                       const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
                                       exchange.idToken = body.value(QStringLiteral("id_token")).toString().toLatin1();
                                       if (answer.status != 200 || exchange.idToken.isEmpty()) {
                                           exchange.idToken.clear();
                                           // The provider's error code only: its description may echo what was sent.
                                           exchange.error =
                                               QStringLiteral("token endpoint: HTTP %1 %2")
                                                   .arg(answer.status)
                                                   .arg(body.value(QStringLiteral("error")).toString().left(64));
                                       }
                                   }
                                   done(exchange);
                               });
    });
}
