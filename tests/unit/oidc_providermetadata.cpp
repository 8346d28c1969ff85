// The discovery document as Gatehouse accepts it: the configured issuer exactly, https
// endpoints (http only for a loopback issuer), PKCE S256, a client authentication it speaks.
#include "oidc/providermetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QString Issuer = QStringLiteral("https://login.example.org/realms/encoders");

QJsonObject document(const QString& issuer = Issuer)
{
    return {{QStringLiteral("issuer"), issuer},
            {QStringLiteral("authorization_endpoint"), QString(issuer + QStringLiteral("/auth"))},
            {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/token"))},
            {QStringLiteral("jwks_uri"), QString(issuer + QStringLiteral("/certs"))},
            {QStringLiteral("code_challenge_methods_supported"),
             QJsonArray{QStringLiteral("plain"), QStringLiteral("S256")}},
            {QStringLiteral("id_token_signing_alg_values_supported"),
             QJsonArray{QStringLiteral("HS256"), QStringLiteral("RS256"), QStringLiteral("ES256")}}};
}

std::optional<ProviderMetadata> parse(const QJsonObject& object, const QString& issuer = Issuer,
                                      QString* error = nullptr)
{
    QString ignored;
    return ProviderMetadata::parse(QJsonDocument(object).toJson(), issuer, error ? error : &ignored);
}

} // namespace

class OidcProviderMetadataTest : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAGoodDocument()
    {
        const auto metadata = parse(document());
        QVERIFY(metadata);
        QCOMPARE(metadata->tokenEndpoint, QUrl(QString(Issuer + QStringLiteral("/token"))));
        QCOMPARE(metadata->tokenEndpointAuthMethod, QStringLiteral("client_secret_basic"));
        // HS256 is never taken from a provider: Gatehouse has no shared key with it.
        QCOMPARE(metadata->idTokenAlgorithms, (QStringList{QStringLiteral("RS256"), QStringLiteral("ES256")}));
    }

    void refusesAnotherIssuer()
    {
        QString error;
        QVERIFY(!parse(document(QStringLiteral("https://evil.example.org")), Issuer, &error));
        QVERIFY2(error.contains(QStringLiteral("issuer")), qPrintable(error));
        QVERIFY(!parse(document(QString(Issuer + u'/')))); // exactly, not "equivalent"
    }

    void refusesPlainHttpEndpoints()
    {
        QJsonObject object = document();
        object[QStringLiteral("token_endpoint")] = QStringLiteral("http://login.example.org/token");
        QVERIFY(!parse(object));
        const QString loopback = QStringLiteral("http://127.0.0.1:4000");
        QVERIFY(parse(document(loopback), loopback)); // tests and local providers
        object = document(loopback);
        object[QStringLiteral("jwks_uri")] = QStringLiteral("http://keys.example.org/certs");
        QVERIFY(!parse(object, loopback)); // a loopback issuer does not open http elsewhere
    }

    void needsS256WhereMethodsAreListed()
    {
        QJsonObject object = document();
        object[QStringLiteral("code_challenge_methods_supported")] = QJsonArray{QStringLiteral("plain")};
        QVERIFY(!parse(object));
        object.remove(QStringLiteral("code_challenge_methods_supported"));
        QVERIFY(parse(object)); // unlisted: S256 is sent anyway
    }

    void choosesTheClientAuthentication()
    {
        QJsonObject object = document();
        object[QStringLiteral("token_endpoint_auth_methods_supported")] =
            QJsonArray{QStringLiteral("private_key_jwt"), QStringLiteral("client_secret_post")};
        QCOMPARE(parse(object)->tokenEndpointAuthMethod, QStringLiteral("client_secret_post"));
        object[QStringLiteral("token_endpoint_auth_methods_supported")] = QJsonArray{QStringLiteral("private_key_jwt")};
        QVERIFY(!parse(object));
    }

    void needsAnAlgorithmGatehouseChecks()
    {
        QJsonObject object = document();
        object[QStringLiteral("id_token_signing_alg_values_supported")] =
            QJsonArray{QStringLiteral("none"), QStringLiteral("HS256")};
        QVERIFY(!parse(object));
    }

    void refusesGarbage()
    {
        QString error;
        QVERIFY(!ProviderMetadata::parse("not json", Issuer, &error));
        QVERIFY(!ProviderMetadata::parse("[]", Issuer, &error));
        QVERIFY(!parse(QJsonObject{{QStringLiteral("issuer"), Issuer}}));
    }
};

QTEST_GUILESS_MAIN(OidcProviderMetadataTest)
#include "oidc_providermetadata.moc"
