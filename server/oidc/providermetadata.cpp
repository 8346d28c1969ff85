#include "oidc/providermetadata.h"

#include "values/oidcsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QStringList SupportedAlgorithms = {QStringLiteral("RS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

std::optional<QUrl> endpoint(const QJsonObject& document, const char* name, bool loopbackIssuer, QString* error)
{
    const QUrl url(document.value(QLatin1String(name)).toString(), QUrl::StrictMode);
    const bool allowed = url.isValid() && !url.host().isEmpty()
        && (url.scheme() == u"https" || (loopbackIssuer && OidcSettings::isLoopbackHttp(url)));
    if (!allowed) {
        *error = QStringLiteral("discovery: %1 is missing or not an https URL").arg(QLatin1String(name));
        return std::nullopt;
    }
    return url;
}

} // namespace

std::optional<ProviderMetadata> ProviderMetadata::parse(QByteArrayView json, const QString& expectedIssuer,
                                                        QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("discovery: the document is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    ProviderMetadata metadata;
    metadata.issuer = object.value(QStringLiteral("issuer")).toString();
    if (metadata.issuer != expectedIssuer) {
        *error = QStringLiteral("discovery: the document names the issuer \"%1\", not \"%2\"")
                     .arg(metadata.issuer.left(200), expectedIssuer);
        return std::nullopt;
    }
    const bool loopbackIssuer = OidcSettings::isLoopbackHttp(QUrl(expectedIssuer));
    const auto authorization = endpoint(object, "authorization_endpoint", loopbackIssuer, error);
    const auto token = authorization ? endpoint(object, "token_endpoint", loopbackIssuer, error) : std::nullopt;
    const auto jwks = token ? endpoint(object, "jwks_uri", loopbackIssuer, error) : std::nullopt;
    if (!jwks)
        return std::nullopt;
    metadata.authorizationEndpoint = *authorization;
    metadata.tokenEndpoint = *token;
    metadata.jwksUri = *jwks;

    const QStringList pkce = strings(object.value(QStringLiteral("code_challenge_methods_supported")));
    if (object.contains(QStringLiteral("code_challenge_methods_supported")) && !pkce.contains(QStringLiteral("S256"))) {
        *error = QStringLiteral("discovery: the provider does not offer PKCE with S256");
        return std::nullopt;
    }
    const QStringList methods = strings(object.value(QStringLiteral("token_endpoint_auth_methods_supported")));
    if (methods.isEmpty() || methods.contains(QStringLiteral("client_secret_basic")))
        metadata.tokenEndpointAuthMethod = QStringLiteral("client_secret_basic"); // the spec's default
    else if (methods.contains(QStringLiteral("client_secret_post")))
        metadata.tokenEndpointAuthMethod = QStringLiteral("client_secret_post");
    else {
        *error = QStringLiteral("discovery: the token endpoint takes neither client_secret_basic nor "
                                "client_secret_post");
        return std::nullopt;
    }
    // The discovery field is required; RS256 is every provider's mandatory algorithm.
    const QStringList announced = strings(object.value(QStringLiteral("id_token_signing_alg_values_supported")));
    for (const QString& algorithm : announced.isEmpty() ? QStringList{QStringLiteral("RS256")} : announced) {
        if (SupportedAlgorithms.contains(algorithm) && !metadata.idTokenAlgorithms.contains(algorithm))
            metadata.idTokenAlgorithms.append(algorithm);
    }
    if (metadata.idTokenAlgorithms.isEmpty()) {
        *error = QStringLiteral("discovery: the provider signs ID tokens with none of RS256, ES256, EdDSA");
        return std::nullopt;
    }
    return metadata;
}
