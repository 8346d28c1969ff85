// Debian's testssl.sh against gatehoused over TLS (issue 11, finding 13: CBC suites were
// offered under TLS 1.2 and LUCKY13 was flagged). One bounded scan — protocols (-p), every
// cipher per protocol (-E) and the vulnerability checks (-U) — read from its JSON report:
// no protocol below TLS 1.2, under TLS 1.2 only ECDHE with AES-GCM or ChaCha20-Poly1305,
// and nothing flagged vulnerable.
#include "tests/testsupport/gatehousedprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Testssl = QStringLiteral("/usr/bin/testssl");

// A scan section's findings by id ("TLS1_2" -> "offered").
QHash<QString, QJsonObject> byId(const QJsonArray& section)
{
    QHash<QString, QJsonObject> found;
    for (const QJsonValue& entry : section)
        found.insert(entry[u"id"].toString(), entry.toObject());
    return found;
}

} // namespace

class SecurityTlsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noProtocolBelowTls12();
    void onlyEcdheAeadSuites();
    void nothingVulnerable();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    GatehousedProcess m_server;
    QJsonObject m_scan; // scanResult[0] of testssl's JSON
};

void SecurityTlsTest::initTestCase()
{
    if (!QFileInfo(Testssl).isExecutable())
        QSKIP("/usr/bin/testssl is absent: install Debian's testssl.sh (packaging/debian-packages.txt)");
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(m_dir.filePath(QStringLiteral("data")), true), qPrintable(m_server.startError()));

    const QString report = m_dir.filePath(QStringLiteral("testssl.json"));
    QProcess testssl;
    testssl.setProcessChannelMode(QProcess::MergedChannels);
    testssl.start(Testssl,
                  {QStringLiteral("--quiet"), QStringLiteral("--color"), QStringLiteral("0"),
                   QStringLiteral("--warnings"), QStringLiteral("off"), QStringLiteral("--nodns"),
                   QStringLiteral("none"), QStringLiteral("--jsonfile-pretty"), report, QStringLiteral("-p"),
                   QStringLiteral("-E"), QStringLiteral("-U"), QStringLiteral("127.0.0.1:%1").arg(m_server.port())});
    QVERIFY2(testssl.waitForStarted(), qPrintable(testssl.errorString()));
    if (!testssl.waitForFinished(240'000)) {
        testssl.kill();
        testssl.waitForFinished();
        QFAIL("testssl did not finish within 4 minutes");
    }
    const QByteArray output = testssl.readAll();
    QFile file(report);
    QVERIFY2(file.open(QIODevice::ReadOnly), output.right(2000).constData());
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll());
    m_scan = json[u"scanResult"][0].toObject();
    QVERIFY2(m_scan[u"protocols"].isArray() && m_scan[u"vulnerabilities"].isArray(), output.right(2000).constData());
}

void SecurityTlsTest::noProtocolBelowTls12()
{
    const QHash<QString, QJsonObject> protocols = byId(m_scan[u"protocols"].toArray());
    for (const QString& old : {u"SSLv2"_s, u"SSLv3"_s, u"TLS1"_s, u"TLS1_1"_s})
        QVERIFY2(protocols.value(old)[u"finding"].toString() == u"not offered", qPrintable(old));
    QCOMPARE(protocols.value(u"TLS1_2"_s)[u"finding"].toString(), u"offered"_s);
    QVERIFY(protocols.value(u"TLS1_3"_s)[u"finding"].toString().startsWith(u"offered"));
}

// cipherTests ids are "cipher-<protocol>_x<hex>"; the finding names the suite both ways, e.g.
// "TLS 1.2 xc02b ECDHE-ECDSA-AES128-GCM-SHA256 ... TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256".
void SecurityTlsTest::onlyEcdheAeadSuites()
{
    static const QRegularExpression ecdheAead(
        QStringLiteral(R"(\bTLS_ECDHE_(ECDSA|RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)\b)"));
    int tls12 = 0;
    int tls13 = 0;
    for (const QJsonValue& entry : m_scan[u"cipherTests"].toArray()) {
        const QString id = entry[u"id"].toString();
        const QString finding = entry[u"finding"].toString();
        QVERIFY2(!finding.contains(u"CBC"), qPrintable(finding));
        if (id.startsWith(u"cipher-tls1_2_")) {
            QVERIFY2(ecdheAead.match(finding).hasMatch(), qPrintable(finding));
            ++tls12;
        } else if (id.startsWith(u"cipher-tls1_3_")) {
            ++tls13;
        } else {
            QFAIL(qPrintable(u"a suite of an older protocol: "_s + finding));
        }
    }
    QVERIFY(tls12 > 0);
    QVERIFY(tls13 > 0);
}

void SecurityTlsTest::nothingVulnerable()
{
    const QJsonArray vulnerabilities = m_scan[u"vulnerabilities"].toArray();
    QVERIFY(!vulnerabilities.isEmpty());
    for (const QJsonValue& entry : vulnerabilities) {
        const QString severity = entry[u"severity"].toString();
        QVERIFY2(severity == u"OK" || severity == u"INFO",
                 qPrintable(QString::fromUtf8(QJsonDocument(entry.toObject()).toJson(QJsonDocument::Compact))));
    }
    QVERIFY(byId(vulnerabilities).value(u"LUCKY13"_s)[u"finding"].toString().startsWith(u"not vulnerable"));
}

void SecurityTlsTest::cleanupTestCase()
{
    QVERIFY(m_server.terminate());
}

QTEST_GUILESS_MAIN(SecurityTlsTest)
#include "security_tls.moc"
