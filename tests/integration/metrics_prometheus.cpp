// GET /metrics as a real Prometheus (Debian's 2.42) reads it: scraped over TLS with an API
// token from another address than loopback, the counter a scripted login moved is found by a
// query of Prometheus's own API; promtool accepts the text. The access rule: public to a
// loopback caller that relays for nobody, system:read for anyone else.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/prometheusprocess.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/resthelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Admin = QStringLiteral("admin");
const QString PasswordLogins =
    QStringLiteral("gatehouse_authentications_total{method=\"password\",outcome=\"success\"}");

// An address of this machine that is not loopback: a scraper connecting to it is not local.
QHostAddress externalAddress()
{
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    return {};
}

} // namespace

class MetricsPrometheusTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void promtoolAcceptsTheText();
    void accessRule();
    void prometheusScrapesOverTlsWithAToken();

private:
    QUrl externalUrl(const QString& path) const
    {
        return QUrl(QStringLiteral("https://%1:%2%3").arg(m_external.toString()).arg(m_server.port()).arg(path));
    }

    QTemporaryDir m_dir;
    GatehousedProcess m_server;
    HttpClient m_http;
    RestClient m_rest{m_http, [this](const QString& path) { return QUrl(m_server.url(path)); }};
    QHostAddress m_external;
    QByteArray m_token; // system:read
};

void MetricsPrometheusTest::initTestCase()
{
    const auto passwd =
        GatehousedProcess::run({QStringLiteral("passwd"), QStringLiteral("--data-dir"), m_dir.path()},
                               GatehousedProcess::testEnvironment(), TestPasswords::first().toUtf8() + '\n');
    QVERIFY2(passwd.finished && passwd.exitCode == 0, passwd.stderrData.constData());
    QVERIFY2(m_server.startWithArgs(
                 {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")},
                 GatehousedProcess::testEnvironment()),
             qPrintable(m_server.startError()));
    m_http.setTrustedCertificateFile(m_server.certificatePath());
    const TokenPair admin = m_rest.loginPair(Admin, TestPasswords::first());
    QVERIFY(admin.isValid());
    const TokenApi::Created token = TokenApi::create(m_rest, RestClient::bearer(admin.access),
                                                     QStringLiteral("prometheus"), {QStringLiteral("system:read")});
    QVERIFY2(token.ok(), qPrintable(token.response.describe()));
    m_token = token.secret;
    m_external = externalAddress();
}

void MetricsPrometheusTest::cleanupTestCase()
{
    QVERIFY(m_server.terminate());
}

void MetricsPrometheusTest::promtoolAcceptsTheText()
{
    const HttpResponse metrics = m_http.get(QUrl(m_server.url(QStringLiteral("/metrics"))));
    EXPECT_STATUS(metrics, 200);
    QCOMPARE(metrics.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY(metrics.body.contains("gatehouse_http_requests_total{dialect=\"rest\",status=\"200\"}"));
    QProcess promtool;
    promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY2(promtool.waitForStarted(), "promtool is missing (Debian's prometheus, packaging/debian-packages.txt)");
    promtool.write(metrics.body);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(30'000));
    QVERIFY2(promtool.exitCode() == 0, promtool.readAll().constData());
}

void MetricsPrometheusTest::accessRule()
{
    // Local and speaking for itself: public.
    EXPECT_STATUS(m_http.get(QUrl(m_server.url(QStringLiteral("/metrics")))), 200);
    // Relayed by a proxy on this machine: the client is elsewhere.
    EXPECT_STATUS(m_http.get(QUrl(m_server.url(QStringLiteral("/metrics"))), {{"X-Forwarded-For", "203.0.113.9"}}),
                  401);
    EXPECT_STATUS(m_http.get(QUrl(m_server.url(QStringLiteral("/metrics"))),
                             {{"X-Forwarded-For", "203.0.113.9"}, {"Authorization", "Bearer " + m_token}}),
                  200);
    const TokenPair admin = m_rest.loginPair(Admin, TestPasswords::first());
    const TokenApi::Created other = TokenApi::create(m_rest, RestClient::bearer(admin.access),
                                                     QStringLiteral("no system"), {QStringLiteral("users:read")});
    QVERIFY(other.ok());
    EXPECT_STATUS(m_http.get(QUrl(m_server.url(QStringLiteral("/metrics"))),
                             {{"X-Forwarded-For", "203.0.113.9"}, {"Authorization", "Bearer " + other.secret}}),
                  403);
    if (m_external.isNull())
        QSKIP("this machine has no address but loopback");
    EXPECT_STATUS(m_http.get(externalUrl(QStringLiteral("/metrics"))), 401);
    EXPECT_STATUS(m_http.get(externalUrl(QStringLiteral("/metrics")), RestClient::bearer(m_token)), 200);
}

void MetricsPrometheusTest::prometheusScrapesOverTlsWithAToken()
{
    if (!PrometheusProcess::isAvailable())
        QSKIP("/usr/bin/prometheus is absent: install Debian's prometheus (packaging/debian-packages.txt)");
    if (m_external.isNull())
        QSKIP("this machine has no address but loopback: a scrape from there would need no token");
    PrometheusProcess prometheus;
    QFile tokenFile(prometheus.directory() + QStringLiteral("/token"));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write(m_token);
    tokenFile.close();
    const QString scrape = QStringLiteral("  - job_name: gatehouse\n"
                                          "    scheme: https\n"
                                          "    tls_config:\n"
                                          "      ca_file: %1\n"
                                          "      server_name: localhost\n"
                                          "    authorization:\n"
                                          "      credentials_file: %2\n"
                                          "    static_configs:\n"
                                          "      - targets: ['%3:%4']\n")
                               .arg(m_server.certificatePath(), tokenFile.fileName(), m_external.toString())
                               .arg(m_server.port());
    QVERIFY2(prometheus.start(scrape), qPrintable(prometheus.startError()));
    QVERIFY2(QTest::qWaitFor([&] { return prometheus.query(QStringLiteral("up{job=\"gatehouse\"}")) == 1.0; }, 20'000),
             "Prometheus did not scrape gatehoused successfully");
    const double before = prometheus.query(PasswordLogins).value_or(-1);
    QVERIFY(before >= 0);
    // The scripted login Prometheus must see.
    QVERIFY(m_rest.loginPair(Admin, TestPasswords::first()).isValid());
    QVERIFY2(QTest::qWaitFor([&] { return prometheus.query(PasswordLogins).value_or(0) >= before + 1; }, 20'000),
             "the login's counter did not reach Prometheus");

    // Every query of the Grafana dashboard in docs/ is one this Prometheus understands, over
    // the series gatehoused wrote (Grafana's variables given the values it would give).
    QFile file(QStringLiteral(GATEHOUSE_SOURCE_DIR "/docs/grafana/gatehouse-dashboard.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int queries = 0;
    for (const QJsonValue& panel : QJsonDocument::fromJson(file.readAll()).object().value(u"panels").toArray()) {
        for (const QJsonValue& target : panel.toObject().value(u"targets").toArray()) {
            QString expr = target.toObject().value(u"expr").toString();
            expr.replace(QStringLiteral("$instance"), QStringLiteral(".*"))
                .replace(QStringLiteral("$__rate_interval"), QStringLiteral("1m"));
            const QJsonObject answer = prometheus.answer(expr);
            QVERIFY2(answer.value(u"status").toString() == QLatin1String("success"),
                     qPrintable(expr + QStringLiteral(": ") + answer.value(u"error").toString()));
            ++queries;
        }
    }
    QVERIFY(queries >= 10);
    QVERIFY(prometheus.stop());
}

QTEST_GUILESS_MAIN(MetricsPrometheusTest)
#include "metrics_prometheus.moc"
