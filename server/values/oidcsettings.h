#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// OpenID Connect login as configured (API.md, "OpenID Connect"): off while `issuer` is empty.
struct OidcSettings
{
    QString issuer;          // oidc_issuer: https, or http on a loopback address
    QString clientId;        // oidc_client_id
    QByteArray clientSecret; // from oidc_client_secret_file or GATEHOUSE_OIDC_CLIENT_SECRET; never logged
    QString redirectUri;     // oidc_redirect_uri; "" = <this server's URL>/auth/openid/callback
    QString scopes = QStringLiteral("openid profile email");
    QString defaultRole = QStringLiteral("viewer");
    bool linkVerifiedEmail = false; // oidc_link_verified_email

    bool enabled() const { return !issuer.isEmpty(); }
    // <issuer>/.well-known/openid-configuration (one trailing slash of the issuer dropped).
    QUrl discoveryUrl() const;

    // An issuer Gatehouse talks to: https, or http on a loopback address (tests, local
    // providers). Plain http elsewhere would hand codes and tokens to anyone on the path.
    static bool isAcceptableIssuer(const QUrl& url);
    static bool isLoopbackHttp(const QUrl& url);
};
