// Forward-auth end to end: a real nginx (Debian's nginx-light) started on a free port with the
// configuration of docs/FORWARD-AUTH.md protects an API through `auth_request` to a real
// gatehoused's /auth/verify. Rules: GET /pages needs page:read, POST /pages page:write.
//
// gatehoused serves plain HTTP here, as the documented example does: nginx and gatehoused talk
// over loopback, where TLS protects nothing on the wire. overTls() runs the TLS variant, nginx
// verifying gatehoused's own certificate.
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/nginxprocess.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/testhelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString AdminPassword = QStringLiteral("Nginx-forward-Passw0rd-62");
const QByteArray Page = "/pages/x";

QProcessEnvironment serverEnvironment()
{
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("GATEHOUSE_FORWARD_AUTH_RULES"),
                 QStringLiteral("GET /pages page:read; POST /pages page:write"));
    extra.insert(QStringLiteral("GATEHOUSE_RESOURCES"), QStringLiteral("redirect,page,agent"));
    // nginx connects from loopback: its X-Forwarded-For names the client the limiter should see.
    extra.insert(QStringLiteral("GATEHOUSE_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1"));
    extra.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0")); // QTRY polls quickly
    return GatehousedProcess::testEnvironment(extra);
}

QString describe(const GatehousedProcess::RunResult& result)
{
    return QStringLiteral("exit %1, stderr: %2")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.stderrData.left(600)));
}

// The admin password for --admin-password-file, in `dir`; "" when it cannot be written.
QString writePasswordFile(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("admin-password"));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(AdminPassword.toUtf8() + '\n') > 0 ? path : QString();
}

// `gatehoused tokens create --name NAME --perm PERM --json` on dataDir: {"token", "secret"}.
QJsonObject createTokenWithCli(const QString& dataDir, const QString& name, const QString& permission)
{
    const auto result = GatehousedProcess::run({QStringLiteral("tokens"), QStringLiteral("create"),
                                                QStringLiteral("--name"), name, QStringLiteral("--perm"), permission,
                                                QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir},
                                               serverEnvironment());
    if (!result.finished || result.exitCode != 0)
        qWarning("tokens create failed: %s", qPrintable(describe(result)));
    return QJsonDocument::fromJson(result.stdoutData).object();
}

// A created token's secret and id, from {"token": {"id", ...}, "secret"} (CLI --json and the API).
QByteArray secretOf(const QJsonObject& created)
{
    return created.value(QStringLiteral("secret")).toString().toUtf8();
}

QString idOf(const QJsonObject& created)
{
    return RestClient::idText(created.value(QStringLiteral("token")).toObject().value(QStringLiteral("id")));
}

// The fenced block that follows `marker` in docs/FORWARD-AUTH.md.
QString documentedBlock(const QString& marker)
{
    QFile file(QStringLiteral(GATEHOUSE_SOURCE_DIR "/docs/FORWARD-AUTH.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype at = text.indexOf(marker);
    const qsizetype open = text.indexOf(QStringLiteral("```nginx\n"), at);
    const qsizetype close = text.indexOf(QStringLiteral("\n```"), open);
    if (at < 0 || open < 0 || close < 0)
        return {};
    const qsizetype start = open + qsizetype(qstrlen("```nginx\n"));
    return text.mid(start, close - start + 1);
}

} // namespace

class ForwardAuthNginxTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void documentedConfiguration();
    void noCredential();
    void acceptedCredentials_data();
    void acceptedCredentials();
    void refusedCredentials_data();
    void refusedCredentials();
    void permissionDenied();
    void noRuleFailsClosed();
    void forgedIdentityIsReplaced();
    void clientAddressFromProxy();
    void cliTokenFollowedWhileServing();
    void revocationEffectiveAtOnce();
    void overTls_data();
    void overTls();

private:
    HttpResponse throughNginx(const QByteArray& method, const QByteArray& path, const RequestHeaders& headers = {});
    QJsonObject createTokenWithApi(const QString& name, const QString& permission);

    QTemporaryDir m_data;
    QTemporaryDir m_secrets;
    GatehousedProcess m_gatehoused;
    NginxProcess m_nginx;
    HttpClient m_http;
    RestClient m_rest{m_http, [this](const QString& path) { return QUrl(m_gatehoused.url(path)); }};
    QByteArray m_readToken; // page:read, made with the CLI before the server started
    QByteArray m_adminAccess;
};

void ForwardAuthNginxTest::initTestCase()
{
    if (!NginxProcess::isAvailable())
        QSKIP("/usr/sbin/nginx is absent: install Debian's nginx-light (packaging/debian-packages.txt)");
    QVERIFY(m_data.isValid() && m_secrets.isValid());
    m_readToken =
        secretOf(createTokenWithCli(m_data.path(), QStringLiteral("pages reader"), QStringLiteral("page:read")));
    QVERIFY2(m_readToken.startsWith("gatehouse_"), "tokens create --json gave no secret");

    const QString passwordFile = writePasswordFile(m_secrets);
    QVERIFY(!passwordFile.isEmpty());
    QVERIFY2(m_gatehoused.start(m_data.path(), false, {QStringLiteral("--admin-password-file"), passwordFile},
                                serverEnvironment()),
             qPrintable(m_gatehoused.startError()));
    NginxSite site;
    site.gatehouses = {QStringLiteral("127.0.0.1:%1").arg(m_gatehoused.port())};
    QVERIFY2(m_nginx.start(site), qPrintable(m_nginx.startError()));
    m_adminAccess = m_rest.loginPair(QStringLiteral("admin"), AdminPassword).access;
    QVERIFY(!m_adminAccess.isEmpty());
}

void ForwardAuthNginxTest::cleanupTestCase()
{
    QVERIFY2(m_nginx.stop(), "nginx did not exit on SIGTERM");
    QVERIFY(m_gatehoused.terminate());
}

HttpResponse ForwardAuthNginxTest::throughNginx(const QByteArray& method, const QByteArray& path,
                                                const RequestHeaders& headers)
{
    return m_http.send(method, QUrl(m_nginx.url(QString::fromUtf8(path))), {}, headers);
}

QJsonObject ForwardAuthNginxTest::createTokenWithApi(const QString& name, const QString& permission)
{
    const HttpResponse created = m_rest.post(
        QStringLiteral("/api/tokens"),
        QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("permissions"), QJsonArray{permission}}},
        RestClient::bearer(m_adminAccess));
    if (created.status != 201)
        qWarning("POST /api/tokens: %s", qPrintable(created.describe()));
    return created.object();
}

void ForwardAuthNginxTest::documentedConfiguration()
{
    // The example an operator copies is the configuration this test runs.
    QCOMPARE(documentedBlock(QStringLiteral("<!-- tested: nginx site -->")), NginxProcess::siteConfiguration({}));
    NginxSite tls;
    tls.tls = true;
    const QString tlsLocation = documentedBlock(QStringLiteral("<!-- tested: nginx tls location -->"));
    QVERIFY(tlsLocation.startsWith(QStringLiteral("    location = /_gatehouse_verify {")));
    QVERIFY2(NginxProcess::siteConfiguration(tls).contains(tlsLocation), qPrintable(tlsLocation));
}

void ForwardAuthNginxTest::noCredential()
{
    const HttpResponse answer = throughNginx("GET", Page);
    EXPECT_STATUS(answer, 401);
    QCOMPARE(answer.header("WWW-Authenticate"), QByteArray(R"(Bearer realm="gatehouse")"));
    EXPECT_STATUS(throughNginx("POST", Page), 401);
}

void ForwardAuthNginxTest::acceptedCredentials_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("authMethod");
    QTest::newRow("API token, page:read, GET") << QByteArray("token") << QByteArray("GET") << QByteArray("api_token");
    QTest::newRow("Basic admin, GET") << QByteArray("basic") << QByteArray("GET") << QByteArray("basic");
    QTest::newRow("Basic admin, POST") << QByteArray("basic") << QByteArray("POST") << QByteArray("basic");
    QTest::newRow("bearer JWT, GET") << QByteArray("jwt") << QByteArray("GET") << QByteArray("bearer");
    QTest::newRow("bearer JWT, POST") << QByteArray("jwt") << QByteArray("POST") << QByteArray("bearer");
}

void ForwardAuthNginxTest::acceptedCredentials()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, authMethod);
    const RequestHeaders auth = kind == "token" ? HttpClient::bearer(m_readToken)
        : kind == "jwt"                         ? HttpClient::bearer(m_adminAccess)
                                                : HttpClient::basic(QStringLiteral("admin"), AdminPassword);
    const HttpResponse answer = throughNginx(method, Page + "?q=1", auth);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.body, QByteArray("page " + method + ' ' + Page + "?q=1\n"));
    // What the API behind nginx was told (an API token acts as its creator).
    QCOMPARE(answer.header("X-Seen-Auth-User"), QByteArray("admin"));
    QCOMPARE(answer.header("X-Seen-Auth-Role"), QByteArray("admin"));
    QCOMPARE(answer.header("X-Seen-Auth-Method"), authMethod);
}

void ForwardAuthNginxTest::refusedCredentials_data()
{
    QTest::addColumn<QByteArray>("authorization");
    // Well-formed prefix but a broken checksum: refused without a look-up, not counted.
    QTest::newRow("malformed API token") << QByteArray("Bearer gatehouse_" + QByteArray(40, 'A'));
    QTest::newRow("garbage bearer") << QByteArray("Bearer not-a-token");
    QTest::newRow("wrong Basic password") << QByteArray("Basic " + QByteArray("admin:Wrong-Passw0rd-99").toBase64());
}

void ForwardAuthNginxTest::refusedCredentials()
{
    QFETCH(QByteArray, authorization);
    const HttpResponse answer = throughNginx("GET", Page, {{"Authorization", authorization}});
    EXPECT_STATUS(answer, 401);
    QVERIFY(!answer.hasHeader("X-Seen-Auth-User"));
}

void ForwardAuthNginxTest::permissionDenied()
{
    // page:read does not cover POST /pages (page:write); no rule covers DELETE /pages.
    const HttpResponse answer = throughNginx("POST", Page, HttpClient::bearer(m_readToken));
    EXPECT_STATUS(answer, 403);
    QVERIFY(!answer.hasHeader("X-Seen-Auth-User"));
    EXPECT_STATUS(throughNginx("DELETE", Page, HttpClient::bearer(m_readToken)), 403);
    // A token for another resource: valid (not 401), but not allowed here.
    const QByteArray redirects =
        secretOf(createTokenWithApi(QStringLiteral("redirect reader"), QStringLiteral("redirect:read")));
    EXPECT_STATUS(throughNginx("GET", Page, HttpClient::bearer(redirects)), 403);
}

void ForwardAuthNginxTest::noRuleFailsClosed()
{
    // With rules configured, a path no rule covers is refused, even to the admin.
    const RequestHeaders admin = HttpClient::basic(QStringLiteral("admin"), AdminPassword);
    EXPECT_STATUS(throughNginx("GET", "/other", admin), 403);
    EXPECT_STATUS(throughNginx("GET", "/pagesx", admin), 403);
    // An encoded slash could reach the upstream as another path: refused.
    EXPECT_STATUS(throughNginx("GET", "/pages/..%2Fother", admin), 403);
    // The verify location is internal: a client cannot call it through nginx.
    EXPECT_STATUS(throughNginx("GET", "/_gatehouse_verify", admin), 404);
}

void ForwardAuthNginxTest::forgedIdentityIsReplaced()
{
    const RequestHeaders forged{{"X-Auth-User", "mallory"}, {"X-Auth-Role", "admin"}};
    const HttpResponse answer = throughNginx("GET", Page, HttpClient::bearer(m_readToken) + forged);
    EXPECT_STATUS(answer, 200);
    QCOMPARE(answer.header("X-Seen-Auth-User"), QByteArray("admin"));
    QCOMPARE(answer.header("X-Seen-Auth-Method"), QByteArray("api_token"));
}

void ForwardAuthNginxTest::clientAddressFromProxy()
{
    // The test client stands for a proxy on 127.0.0.1 (trusted): nginx appends its peer to the
    // X-Forwarded-For it received, and gatehoused takes the last untrusted hop as the client.
    const QJsonObject created = createTokenWithApi(QStringLiteral("address probe"), QStringLiteral("page:read"));
    const RequestHeaders forwardedFor{{"X-Forwarded-For", "203.0.113.7"}};
    EXPECT_STATUS(throughNginx("GET", Page, HttpClient::bearer(secretOf(created)) + forwardedFor), 200);
    const HttpResponse listed = m_rest.get(QStringLiteral("/api/tokens"), RestClient::bearer(m_adminAccess));
    EXPECT_STATUS(listed, 200);
    const QList<QJsonObject> token = RestClient::where(listed.object().value(QStringLiteral("tokens")).toArray(),
                                                       QStringLiteral("id"), idOf(created));
    QCOMPARE(token.size(), 1);
    QCOMPARE(token.first().value(QStringLiteral("last_used_ip")).toString(), QStringLiteral("203.0.113.7"));
}

void ForwardAuthNginxTest::cliTokenFollowedWhileServing()
{
    // The running server follows the command line's changes within about a second.
    const QByteArray secret =
        secretOf(createTokenWithCli(m_data.path(), QStringLiteral("live reader"), QStringLiteral("page:read")));
    QVERIFY(secret.startsWith("gatehouse_"));
    QTRY_COMPARE_WITH_TIMEOUT(throughNginx("GET", Page, HttpClient::bearer(secret)).status, 200, 5000);
    EXPECT_STATUS(throughNginx("POST", Page, HttpClient::bearer(secret)), 403);
}

void ForwardAuthNginxTest::revocationEffectiveAtOnce()
{
    const QJsonObject created = createTokenWithApi(QStringLiteral("soon revoked"), QStringLiteral("page:read"));
    const QByteArray secret = secretOf(created);
    QVERIFY(secret.startsWith("gatehouse_"));
    EXPECT_STATUS(throughNginx("GET", Page, HttpClient::bearer(secret)), 200);
    EXPECT_STATUS(m_rest.del(QStringLiteral("/api/tokens/") + idOf(created), RestClient::bearer(m_adminAccess)), 200);
    // The very next request through nginx: nothing caches the verdict on the way.
    const HttpResponse after = throughNginx("GET", Page, HttpClient::bearer(secret));
    EXPECT_STATUS(after, 401);
    QCOMPARE(after.header("WWW-Authenticate"), QByteArray(R"(Bearer realm="gatehouse")"));
    EXPECT_STATUS(throughNginx("GET", Page, HttpClient::bearer(m_readToken)), 200); // the others stay
}

void ForwardAuthNginxTest::overTls_data()
{
    QTest::addColumn<QString>("tlsName");
    QTest::addColumn<int>("expected");
    QTest::newRow("certificate verified") << QStringLiteral("localhost") << 200;
    // Proves nginx checks the certificate: a name it does not carry fails the subrequest (502),
    // which auth_request turns into 500; the request never reaches the API.
    QTest::newRow("name not in the certificate") << QStringLiteral("gatehouse.invalid") << 500;
}

void ForwardAuthNginxTest::overTls()
{
    QFETCH(QString, tlsName);
    QFETCH(int, expected);
    QTemporaryDir data;
    const QString passwordFile = writePasswordFile(m_secrets);
    QVERIFY(!passwordFile.isEmpty());
    GatehousedProcess gatehoused;
    QVERIFY2(gatehoused.start(data.path(), true, {QStringLiteral("--admin-password-file"), passwordFile},
                              serverEnvironment()),
             qPrintable(gatehoused.startError()));
    NginxSite site;
    site.gatehouses = {QStringLiteral("127.0.0.1:%1").arg(gatehoused.port())};
    site.tls = true;
    site.caCertificate = gatehoused.certificatePath();
    site.tlsName = tlsName;
    NginxProcess nginx;
    QVERIFY2(nginx.start(site), qPrintable(nginx.startError()));
    const QUrl page(nginx.url(QString::fromUtf8(Page)));
    const HttpResponse answer = m_http.get(page, HttpClient::basic(QStringLiteral("admin"), AdminPassword));
    EXPECT_STATUS(answer, expected);
    if (expected == 200) {
        QCOMPARE(answer.header("X-Seen-Auth-User"), QByteArray("admin"));
        EXPECT_STATUS(m_http.get(page), 401);
    } else {
        QVERIFY2(nginx.errorLog().contains("certificate"), nginx.errorLog().right(800).constData());
    }
    QVERIFY(nginx.stop());
}

QTEST_GUILESS_MAIN(ForwardAuthNginxTest)
#include "forwardauth_nginx.moc"
