// The OpenID provider of the relying-party tests (tests/oidc/provider.mjs, run through
// OidcProviderProcess) checked on its own, by a hand-made client: discovery, the code flow
// with PKCE through the browserless login, the token endpoint's ID token per signing
// algorithm, Cancel, a wrong password, the clock skew and a key rotation on the same issuer.
// If this passes, a failing OpenID Connect test of Gatehouse is Gatehouse's.
#include "tests/testsupport/httpclient.h"
#include "tests/testsupport/oidcprovider.h"
#include "tests/testsupport/testhelpers.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

namespace {

const QString RedirectUri = QStringLiteral("http://127.0.0.1:9/callback"); // discard port: never requested

QByteArray randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray s256(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject jwtPart(const QByteArray& jwt, int index)
{
    const QByteArray part = jwt.split('.').value(index);
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding)).object();
}

QString queryValue(const QUrl& url, const QString& key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

OidcProviderProcess::Options baseOptions(const QString& algorithm = QStringLiteral("RS256"))
{
    OidcProviderProcess::Options options;
    options.redirectUris = {RedirectUri};
    options.signingAlgorithm = algorithm;
    options.accounts = {{QStringLiteral("sub-alice"), QStringLiteral("correct horse+battery"),
                         QStringLiteral("alice@example.org"), true, QStringLiteral("alice"),
                         QStringLiteral("Alice Example")},
                        {QStringLiteral("sub-bob"), QStringLiteral("bobs password"), QStringLiteral("bob@example.org"),
                         std::nullopt, QStringLiteral("bob"), QStringLiteral("Bob")}};
    return options;
}

// One authorization request as a relying party makes it, with its secrets kept for the
// token request.
struct Request
{
    QUrl url;
    QString state = QString::fromLatin1(randomToken());
    QString nonce = QString::fromLatin1(randomToken());
    QByteArray verifier = randomToken();
};

Request authorizationRequest(const QJsonObject& discovery, const OidcProviderProcess::Options& options)
{
    Request request;
    request.url = QUrl(discovery.value(QStringLiteral("authorization_endpoint")).toString());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), options.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), RedirectUri);
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid profile email"));
    query.addQueryItem(QStringLiteral("state"), request.state);
    query.addQueryItem(QStringLiteral("nonce"), request.nonce);
    query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(s256(request.verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    request.url.setQuery(query);
    return request;
}

HttpResponse redeem(HttpClient& http, const QJsonObject& discovery, const OidcProviderProcess::Options& options,
                    const QString& code, const QByteArray& verifier)
{
    QByteArray form = "grant_type=authorization_code&code=" + QUrl::toPercentEncoding(code)
        + "&redirect_uri=" + QUrl::toPercentEncoding(RedirectUri) + "&code_verifier=" + verifier;
    RequestHeaders headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};
    if (options.authMethod == u"client_secret_post")
        form += "&client_id=" + QUrl::toPercentEncoding(options.clientId)
            + "&client_secret=" + QUrl::toPercentEncoding(options.clientSecret);
    else
        headers += HttpClient::basic(options.clientId, options.clientSecret);
    const QUrl endpoint(discovery.value(QStringLiteral("token_endpoint")).toString());
    return http.send(QByteArrayLiteral("POST"), endpoint, form, headers);
}

} // namespace

class OidcProviderHarnessTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void codeFlow_data();
    void codeFlow();
    void abortAnswersAccessDenied();
    void wrongPasswordGivesNoCode();
    void emailVerifiedOmittedWhenUnset();
    void clockSkew_data();
    void clockSkew();
    void restartOnSamePortRotatesKey();

private:
    QJsonObject discover(const OidcProviderProcess& provider);
    QByteArray loginAndRedeem(const OidcProviderProcess& provider, const QString& user, const QString& password);

    OidcProviderProcess m_provider; // RS256, shared by the tests after codeFlow
    HttpClient m_http;
};

void OidcProviderHarnessTest::initTestCase()
{
    const QString reason = OidcProviderProcess::unavailableReason();
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
    QVERIFY2(m_provider.start(baseOptions()), qPrintable(m_provider.startError()));
}

void OidcProviderHarnessTest::cleanupTestCase()
{
    QVERIFY(m_provider.stop());
}

QJsonObject OidcProviderHarnessTest::discover(const OidcProviderProcess& provider)
{
    const HttpResponse response =
        m_http.get(QUrl(provider.issuer() + QStringLiteral("/.well-known/openid-configuration")));
    return response.status == 200 ? response.object() : QJsonObject();
}

// The whole flow for one account; the ID token, or empty (with a failure recorded).
QByteArray OidcProviderHarnessTest::loginAndRedeem(const OidcProviderProcess& provider, const QString& user,
                                                   const QString& password)
{
    const QJsonObject discovery = discover(provider);
    const Request request = authorizationRequest(discovery, provider.options());
    const auto login = OidcProviderProcess::login(request.url, user, password);
    if (!login.ok())
        qWarning("login failed: %s", qPrintable(login.error));
    const HttpResponse tokens = redeem(m_http, discovery, provider.options(),
                                       queryValue(login.callbackUrl, QStringLiteral("code")), request.verifier);
    if (tokens.status != 200)
        qWarning("token request failed: %s", qPrintable(tokens.describe()));
    return tokens.object().value(QStringLiteral("id_token")).toString().toLatin1();
}

void OidcProviderHarnessTest::codeFlow_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("authMethod");
    QTest::newRow("RS256 basic") << QStringLiteral("RS256") << QStringLiteral("client_secret_basic");
    QTest::newRow("ES256 post") << QStringLiteral("ES256") << QStringLiteral("client_secret_post");
    QTest::newRow("EdDSA basic") << QStringLiteral("EdDSA") << QStringLiteral("client_secret_basic");
}

void OidcProviderHarnessTest::codeFlow()
{
    QFETCH(QString, algorithm);
    QFETCH(QString, authMethod);
    OidcProviderProcess::Options options = baseOptions(algorithm);
    options.authMethod = authMethod;
    OidcProviderProcess provider;
    QVERIFY2(provider.start(options), qPrintable(provider.startError()));
    QVERIFY(provider.issuer().startsWith(QStringLiteral("http://127.0.0.1:")));

    const QJsonObject discovery = discover(provider);
    QCOMPARE(discovery.value(QStringLiteral("issuer")).toString(), provider.issuer());
    for (const char* endpoint : {"authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"})
        QVERIFY2(discovery.value(QLatin1String(endpoint)).toString().startsWith(provider.issuer()), endpoint);
    QVERIFY(
        discovery.value(QStringLiteral("code_challenge_methods_supported")).toArray().contains(QStringLiteral("S256")));
    QVERIFY(discovery.value(QStringLiteral("id_token_signing_alg_values_supported")).toArray().contains(algorithm));

    const Request request = authorizationRequest(discovery, options);
    const auto login =
        OidcProviderProcess::login(request.url, QStringLiteral("alice"), QStringLiteral("correct horse+battery"));
    QVERIFY2(login.ok(), qPrintable(login.error));
    QCOMPARE(login.callbackUrl.adjusted(QUrl::RemoveQuery), QUrl(RedirectUri));
    QCOMPARE(queryValue(login.callbackUrl, QStringLiteral("state")), request.state);
    QCOMPARE(queryValue(login.callbackUrl, QStringLiteral("iss")), provider.issuer()); // RFC 9207
    const QString code = queryValue(login.callbackUrl, QStringLiteral("code"));
    QVERIFY(!code.isEmpty());

    // Without the verifier the code is refused: PKCE is enforced, not only announced.
    EXPECT_STATUS(redeem(m_http, discovery, options, code, randomToken()), 400);
    const Request second = authorizationRequest(discovery, options);
    const auto again =
        OidcProviderProcess::login(second.url, QStringLiteral("alice"), QStringLiteral("correct horse+battery"));
    QVERIFY2(again.ok(), qPrintable(again.error));
    const HttpResponse tokens =
        redeem(m_http, discovery, options, queryValue(again.callbackUrl, QStringLiteral("code")), second.verifier);
    EXPECT_STATUS(tokens, 200);

    const QByteArray idToken = tokens.object().value(QStringLiteral("id_token")).toString().toLatin1();
    const QJsonObject header = jwtPart(idToken, 0);
    const QJsonObject payload = jwtPart(idToken, 1);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), algorithm);
    const QJsonObject key = provider.privateJwks().value(QStringLiteral("keys")).toArray().at(0).toObject();
    QCOMPARE(header.value(QStringLiteral("kid")), key.value(QStringLiteral("kid")));
    QCOMPARE(payload.value(QStringLiteral("iss")).toString(), provider.issuer());
    QCOMPARE(payload.value(QStringLiteral("aud")).toString(), options.clientId);
    QCOMPARE(payload.value(QStringLiteral("sub")).toString(), QStringLiteral("sub-alice"));
    QCOMPARE(payload.value(QStringLiteral("nonce")).toString(), second.nonce);
    QCOMPARE(payload.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.org"));
    QCOMPARE(payload.value(QStringLiteral("email_verified")), QJsonValue(true));
    QCOMPARE(payload.value(QStringLiteral("preferred_username")).toString(), QStringLiteral("alice"));
    QCOMPARE(payload.value(QStringLiteral("name")).toString(), QStringLiteral("Alice Example"));
    const qint64 iat = payload.value(QStringLiteral("iat")).toInteger();
    QVERIFY(qAbs(iat - QDateTime::currentSecsSinceEpoch()) < 60);
    QCOMPARE(payload.value(QStringLiteral("exp")).toInteger(), iat + options.idTokenTtlSeconds);

    // The code is single-use.
    EXPECT_STATUS(
        redeem(m_http, discovery, options, queryValue(again.callbackUrl, QStringLiteral("code")), second.verifier),
        400);
    QVERIFY(provider.stop());
    QVERIFY2(!provider.stderrData().contains(options.clientSecret.toUtf8()), "the client secret was logged");
}

void OidcProviderHarnessTest::abortAnswersAccessDenied()
{
    const Request request = authorizationRequest(discover(m_provider), m_provider.options());
    const auto result = OidcProviderProcess::abort(request.url);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.callbackUrl.adjusted(QUrl::RemoveQuery), QUrl(RedirectUri));
    QCOMPARE(queryValue(result.callbackUrl, QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(queryValue(result.callbackUrl, QStringLiteral("state")), request.state);
    QVERIFY(queryValue(result.callbackUrl, QStringLiteral("code")).isEmpty());
}

void OidcProviderHarnessTest::wrongPasswordGivesNoCode()
{
    const Request request = authorizationRequest(discover(m_provider), m_provider.options());
    const auto result = OidcProviderProcess::login(request.url, QStringLiteral("alice"), QStringLiteral("wrong"));
    QVERIFY(!result.ok());
    QVERIFY(result.callbackUrl.isEmpty());
    QVERIFY2(result.error.contains(QStringLiteral("Invalid login or password")), qPrintable(result.error));

    const auto unknown = OidcProviderProcess::login(request.url, QStringLiteral("mallory"), QStringLiteral("x"));
    QVERIFY(unknown.callbackUrl.isEmpty());
}

void OidcProviderHarnessTest::emailVerifiedOmittedWhenUnset()
{
    const QJsonObject payload =
        jwtPart(loginAndRedeem(m_provider, QStringLiteral("bob"), QStringLiteral("bobs password")), 1);
    QCOMPARE(payload.value(QStringLiteral("email")).toString(), QStringLiteral("bob@example.org"));
    QVERIFY2(!payload.contains(QStringLiteral("email_verified")), qPrintable(compactJson(payload)));
}

// A provider with a wrong clock: 10 minutes behind, with a 5-minute lifetime, it issues an ID
// token that expired 5 minutes ago; an hour ahead, one issued in the future. Both are what
// a relying party's exp and iat checks must refuse.
void OidcProviderHarnessTest::clockSkew_data()
{
    QTest::addColumn<int>("skew");
    QTest::addColumn<qint64>("expectedIat"); // relative to now
    QTest::newRow("behind: expired") << -600 << qint64(-600);
    QTest::newRow("ahead: issued in the future") << 3600 << qint64(3600);
}

void OidcProviderHarnessTest::clockSkew()
{
    QFETCH(int, skew);
    QFETCH(qint64, expectedIat);
    OidcProviderProcess::Options options = baseOptions(QStringLiteral("ES256"));
    options.idTokenTtlSeconds = 300;
    options.clockSkewSeconds = skew;
    OidcProviderProcess skewed;
    QVERIFY2(skewed.start(options), qPrintable(skewed.startError()));
    const QJsonObject payload =
        jwtPart(loginAndRedeem(skewed, QStringLiteral("alice"), QStringLiteral("correct horse+battery")), 1);
    const qint64 iat = payload.value(QStringLiteral("iat")).toInteger() - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(qAbs(iat - expectedIat) < 60, qPrintable(compactJson(payload)));
    QCOMPARE(payload.value(QStringLiteral("exp")).toInteger() - payload.value(QStringLiteral("iat")).toInteger(), 300);
}

void OidcProviderHarnessTest::restartOnSamePortRotatesKey()
{
    const QString issuer = m_provider.issuer();
    const auto jwksKid = [this] {
        const QJsonObject discovery = discover(m_provider);
        const HttpResponse jwks = m_http.get(QUrl(discovery.value(QStringLiteral("jwks_uri")).toString()));
        const QJsonArray keys = jwks.object().value(QStringLiteral("keys")).toArray();
        // Only public parts are published.
        return keys.size() == 1 && !keys.at(0).toObject().contains(QStringLiteral("d"))
            ? keys.at(0).toObject().value(QStringLiteral("kid")).toString()
            : QString();
    };
    const QString before = jwksKid();
    QVERIFY(!before.isEmpty());

    QVERIFY2(m_provider.restart(baseOptions()), qPrintable(m_provider.startError()));
    QCOMPARE(m_provider.issuer(), issuer);
    const QString after = jwksKid();
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
    const QByteArray idToken =
        loginAndRedeem(m_provider, QStringLiteral("alice"), QStringLiteral("correct horse+battery"));
    QCOMPARE(jwtPart(idToken, 0).value(QStringLiteral("kid")).toString(), after);
}

QTEST_GUILESS_MAIN(OidcProviderHarnessTest)
#include "oidc_provider_harness.moc"
