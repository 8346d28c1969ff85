#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// What Gatehouse uses of a provider's discovery document
// (<issuer>/.well-known/openid-configuration, OpenID Connect Discovery 1.0).
struct ProviderMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    // How to authenticate at the token endpoint: "client_secret_basic" (preferred, the
    // default when the provider names none) or "client_secret_post".
    QString tokenEndpointAuthMethod;
    // The ID-token algorithms both sides accept: the provider's announced ones within
    // RS256, ES256 and EdDSA.
    QStringList idTokenAlgorithms;

    // The document, checked: its `issuer` must equal the configured one exactly (a document
    // naming another issuer is how mix-up attacks start), every endpoint must be https (or
    // http where the issuer itself is http on a loopback address), S256 must be offered
    // for PKCE where the provider lists its methods. nullopt with a one-line reason otherwise.
    static std::optional<ProviderMetadata> parse(QByteArrayView json, const QString& expectedIssuer, QString* error);
};
