// OpenID Connect from the command line and at start: `gatehoused oidc status` against the
// real test provider, and a server whose provider is down still serving password logins.
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/httpclient.h"
#include "tests/testsupport/oidcprovider.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray ClientSecret = "cli-test-client-secret-0123456789";

QProcessEnvironment oidcEnvironment(const QString& issuer)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("GATEHOUSE_OIDC_ISSUER"), issuer);
    env.insert(QStringLiteral("GATEHOUSE_OIDC_CLIENT_ID"), QStringLiteral("gatehouse"));
    env.insert(QStringLiteral("GATEHOUSE_OIDC_CLIENT_SECRET"), QString::fromLatin1(ClientSecret));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return GatehousedProcess::testEnvironment(env);
}

// An issuer nobody answers at: a port that was free a moment ago.
QString deadIssuer()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
}

} // namespace

class OidcCliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString missing = OidcProviderProcess::unavailableReason();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void statusReachesTheProvider()
    {
        OidcProviderProcess provider;
        OidcProviderProcess::Options options;
        options.clientSecret = QString::fromLatin1(ClientSecret);
        options.redirectUris = {OidcTestData::redirectUri()};
        QVERIFY2(provider.start(options), qPrintable(provider.startError()));
        QTemporaryDir dir;
        const auto text = GatehousedProcess::run(
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("oidc"), QStringLiteral("status")},
            oidcEnvironment(provider.issuer()));
        QVERIFY2(text.finished && text.exitCode == 0, text.stderrData.constData());
        QVERIFY2(text.stdoutData.contains("discovery: reachable") && text.stdoutData.contains("signing keys: 1"),
                 text.stdoutData.constData());
        const auto json = GatehousedProcess::run({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("oidc"),
                                                  QStringLiteral("status"), QStringLiteral("--json")},
                                                 oidcEnvironment(provider.issuer()));
        QCOMPARE(json.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(json.stdoutData).object();
        QCOMPARE(status.value(QStringLiteral("discovery")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("keys")).toInt(), 1);
        for (const auto* run : {&text, &json})
            QVERIFY(!run->stdoutData.contains(ClientSecret) && !run->stderrData.contains(ClientSecret));
    }

    void statusSaysWhyNot()
    {
        QTemporaryDir dir;
        const auto run = GatehousedProcess::run(
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("oidc"), QStringLiteral("status")},
            oidcEnvironment(deadIssuer()));
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.stdoutData.contains("discovery: failed") && run.stdoutData.contains("error: discovery"),
                 run.stdoutData.constData());
    }

    void statusWhenOff()
    {
        QTemporaryDir dir;
        const auto run = GatehousedProcess::run(
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("oidc"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.stdoutData.contains("off"), run.stdoutData.constData());
    }

    void issuerWithoutSecretDoesNotStart()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = oidcEnvironment(deadIssuer());
        env.remove(QStringLiteral("GATEHOUSE_OIDC_CLIENT_SECRET"));
        const auto run = GatehousedProcess::run({QStringLiteral("--data-dir"), dir.path()}, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.stderrData.contains("no client secret"), run.stderrData.constData());
    }

    // `oidc set-secret` keeps the secret sealed in the database; a server with no secret in a
    // file or the environment logs in with it; the database never holds it in plain text.
    void sealedSecretFromTheCommandLine()
    {
        OidcProviderProcess provider;
        OidcProviderProcess::Options options;
        options.clientSecret = QString::fromLatin1(ClientSecret);
        options.redirectUris = {OidcTestData::redirectUri()};
        options.accounts.append({QStringLiteral("carol"),
                                 QStringLiteral("carol-provider-Passw0rd"),
                                 QStringLiteral("carol@example.org"),
                                 true,
                                 QStringLiteral("carol"),
                                 {}});
        QVERIFY2(provider.start(options), qPrintable(provider.startError()));
        QProcessEnvironment env = oidcEnvironment(provider.issuer());
        env.remove(QStringLiteral("GATEHOUSE_OIDC_CLIENT_SECRET"));
        env.insert(QStringLiteral("GATEHOUSE_OIDC_REDIRECT_URI"), options.redirectUris.first());
        QTemporaryDir dir;
        const auto stored = GatehousedProcess::run(
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("oidc"), QStringLiteral("set-secret")}, env,
            ClientSecret + '\n');
        QVERIFY2(stored.finished && stored.exitCode == 0, stored.stderrData.constData());

        GatehousedProcess server;
        QVERIFY2(server.start(dir.path(), false, {}, env), qPrintable(server.startError()));
        HttpClient http;
        const HttpResponse start = http.get(QUrl(server.url(QStringLiteral("/auth/openid"))));
        QCOMPARE(start.status, 200);
        const auto login =
            OidcProviderProcess::login(QUrl(start.object().value(QStringLiteral("authUrl")).toString()),
                                       QStringLiteral("carol"), QStringLiteral("carol-provider-Passw0rd"));
        QVERIFY2(login.ok(), qPrintable(login.error));
        QUrl callback(server.url(QStringLiteral("/auth/openid/callback")));
        callback.setQuery(login.callbackUrl.query(QUrl::FullyEncoded));
        QCOMPARE(http.get(callback).status, 200); // the code redeemed with the sealed secret
        QVERIFY(server.terminate());

        for (const QString& name : QDir(dir.path()).entryList({QStringLiteral("gatehouse.db*")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(ClientSecret), qPrintable(name));
        }
        QVERIFY(!server.stderrData().contains(ClientSecret) && !stored.stdoutData.contains(ClientSecret));
    }

    void providerDownAtStartStillServesPasswords()
    {
        QTemporaryDir dir;
        GatehousedProcess server;
        QVERIFY2(server.start(dir.path(), false, {}, oidcEnvironment(deadIssuer())), qPrintable(server.startError()));
        HttpClient http;
        const HttpResponse openid = http.get(QUrl(server.url(QStringLiteral("/auth/openid"))));
        QCOMPARE(openid.status, 502);
        QCOMPARE(openid.object().value(QStringLiteral("error")).toString(), QStringLiteral("provider_unavailable"));
        QCOMPARE(http.get(QUrl(server.url(QStringLiteral("/flex/health")))).status, 200);
        QVERIFY(server.terminate());
        QVERIFY2(server.stderrData().contains("OpenID Connect is configured but discovery failed"),
                 server.stderrData().constData());
    }
};

QTEST_GUILESS_MAIN(OidcCliTest)
#include "oidc_cli.moc"
