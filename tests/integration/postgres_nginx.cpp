// The deployment of docs/DEPLOYMENT.md, run for real: two gatehoused instances on one
// PostgreSQL database, both in nginx's `upstream gatehouse`, protecting an API through
// forward-auth. Whichever instance nginx asks, a login made on one is honoured and a logout
// ends it everywhere within a second; with one instance stopped, nginx goes on through the
// other. The documented configuration is, line for line, the one this test gives nginx.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/nginxprocess.h"
#include "tests/testsupport/postgresfleet.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/resthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

namespace {

const QString Admin = QStringLiteral("admin");
constexpr int Requests = 40; // nginx alternates between the two: each sees about half

// The fenced block after `marker` in docs/DEPLOYMENT.md.
QString documentedBlock(const QString& marker)
{
    QFile file(QStringLiteral(GATEHOUSE_SOURCE_DIR "/docs/DEPLOYMENT.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(u'\n', text.indexOf(u"```", text.indexOf(marker))) + 1;
    return text.mid(start, text.indexOf(QStringLiteral("```"), start) - start);
}

} // namespace

class PostgresNginxTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void documentedConfiguration();
    void everyInstanceHonoursOneLogin();
    void logoutEndsItBehindNginx();
    void oneInstanceDownTheOtherServes();

private:
    int statusThroughNginx(const QByteArray& token)
    {
        return m_http.send("GET", QUrl(m_nginx.url(QStringLiteral("/pages/x"))), {}, HttpClient::bearer(token)).status;
    }
    // How many of `Requests` requests through nginx answer `status`.
    int countThroughNginx(const QByteArray& token, int status)
    {
        int count = 0;
        for (int i = 0; i < Requests; ++i)
            count += statusThroughNginx(token) == status ? 1 : 0;
        return count;
    }

    PostgresFleet m_fleet;
    GatehousedProcess m_a;
    GatehousedProcess m_b;
    NginxProcess m_nginx;
    HttpClient m_http;
};

void PostgresNginxTest::initTestCase()
{
    if (!NginxProcess::isAvailable())
        QSKIP("/usr/sbin/nginx is absent: install Debian's nginx-light (packaging/debian-packages.txt)");
    QString error;
    QVERIFY2(m_fleet.setUpPair(m_a, m_b, TestPasswords::first(), &error), qPrintable(error));
    NginxSite site;
    site.gatehouses = {QStringLiteral("127.0.0.1:%1").arg(m_a.port()), QStringLiteral("127.0.0.1:%1").arg(m_b.port())};
    QVERIFY2(m_nginx.start(site), qPrintable(m_nginx.startError()));
}

void PostgresNginxTest::cleanupTestCase()
{
    QVERIFY(m_nginx.stop());
    if (m_a.isRunning())
        QVERIFY(m_a.terminate());
    QVERIFY(m_b.terminate());
}

void PostgresNginxTest::documentedConfiguration()
{
    NginxSite documented;
    documented.gatehouses = {QStringLiteral("10.0.0.11:3539"), QStringLiteral("10.0.0.12:3539")};
    // Between machines over TLS, trusting both instances' certificates; the TLS lines are the
    // ones integration_forwardauth_nginx runs, this test runs the rest over loopback.
    documented.tls = true;
    documented.caCertificate = QStringLiteral("/etc/nginx/gatehouse-instances.pem");
    QCOMPARE(documentedBlock(QStringLiteral("<!-- tested: two instances -->")),
             NginxProcess::siteConfiguration(documented));
}

void PostgresNginxTest::everyInstanceHonoursOneLogin()
{
    RestClient a(m_http, [this](const QString& path) { return QUrl(m_a.url(path)); });
    const TokenPair pair = a.loginPair(Admin, TestPasswords::first());
    QVERIFY(pair.isValid());
    QElapsedTimer timer;
    timer.start();
    while (countThroughNginx(pair.access, 200) < Requests && timer.elapsed() < 1000)
        QTest::qWait(5);
    QCOMPARE(countThroughNginx(pair.access, 200), Requests);
    QCOMPARE(countThroughNginx("not-a-token", 401), Requests);
}

void PostgresNginxTest::logoutEndsItBehindNginx()
{
    RestClient b(m_http, [this](const QString& path) { return QUrl(m_b.url(path)); });
    const TokenPair pair = b.loginPair(Admin, TestPasswords::first());
    QVERIFY(pair.isValid());
    QVERIFY(QTest::qWaitFor([&] { return countThroughNginx(pair.access, 200) == Requests; }, 1000));
    EXPECT_STATUS(b.logout(RestClient::bearer(pair.access)), 200);
    QVERIFY2(QTest::qWaitFor([&] { return countThroughNginx(pair.access, 401) == Requests; }, 1000),
             "an instance behind nginx still let the ended session through after a second");
}

void PostgresNginxTest::oneInstanceDownTheOtherServes()
{
    RestClient b(m_http, [this](const QString& path) { return QUrl(m_b.url(path)); });
    const TokenPair pair = b.loginPair(Admin, TestPasswords::first());
    QVERIFY(pair.isValid());
    QVERIFY(QTest::qWaitFor([&] { return countThroughNginx(pair.access, 200) == Requests; }, 1000));
    QVERIFY(m_a.terminate());
    // nginx finds A refusing connections and asks B instead (proxy_next_upstream's default).
    QCOMPARE(countThroughNginx(pair.access, 200), Requests);
}

QTEST_GUILESS_MAIN(PostgresNginxTest)
#include "postgres_nginx.moc"
