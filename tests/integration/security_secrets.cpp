// No secret at rest or in logs: a scripted session against gatehoused (set password,
// login, use the token, Basic, logout, change password, rejected passwords, failed logins,
// a lockout) with debug logging on, then every password and token used is searched for in
// the SQLite file and its WAL (raw bytes, while running and after shutdown), every other
// file in the data directory, the table contents (audit log included) and stdout/stderr.
#include "tests/testsupport/flexclient.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/secretscan.h"
#include "tests/testsupport/testhelpers.h"
#include "tests/testsupport/testserver.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

class SecuritySecretsTest : public QObject
{
    Q_OBJECT

private slots:
    void scriptedSessionLeavesNoSecret();

private:
    static void addPasswords(SecretScan& scan);
    QByteArray runLoginPhase(FlexClient& flex, SecretScan& scan); // returns a live token, "" on failure
    void runFailurePhase(FlexClient& flex, SecretScan& scan, const QByteArray& token);
    void expectClean(const SecretScan& scan, const QString& where, const QByteArray& bytes);
    QByteArray dataDirFiles(const QString& dir);
};

namespace {
const QString kFirst = QStringLiteral("Secret-One-7f3a9c2e41");
const QString kSecond = QStringLiteral("Secret-Two-b84d1e06c7");
const QString kThird = QStringLiteral("Secret-Three-5ae92f10d3");
const QString kRejected = QStringLiteral("Sh0rt-9kq");
} // namespace

void SecuritySecretsTest::addPasswords(SecretScan& scan)
{
    scan.addSecret(QStringLiteral("SECRET_KEY"), TestConstants::secretKey());
    scan.addPassword(QStringLiteral("password 1"), kFirst);
    scan.addPassword(QStringLiteral("password 2"), kSecond);
    scan.addPassword(QStringLiteral("password 3"), kThird);
    scan.addPassword(QStringLiteral("rejected short password"), kRejected);
    scan.addSecret(QStringLiteral("Basic credential"), (QStringLiteral("admin:") + kFirst).toUtf8().toBase64());
}

// Set the password, two logins, use a token, Basic, logout, a rejected and an accepted change.
QByteArray SecuritySecretsTest::runLoginPhase(FlexClient& flex, SecretScan& scan)
{
    if (flex.setPassword(kFirst).status != 200)
        return {};
    const QByteArray t1 = flex.loginToken(kFirst);
    const QByteArray t2 = flex.loginToken(kFirst);
    scan.addToken(QStringLiteral("token 1"), t1);
    scan.addToken(QStringLiteral("token 2"), t2);
    if (t1.isEmpty() || t2.isEmpty() || flex.session(t1).status != 200)
        return {};
    flex.getPath(QStringLiteral("/flex/pipeline"), t1);
    // Basic is exercised for what it may leave behind; its result is flex_password's business.
    flex.http().get(flex.url(QStringLiteral("/flex/pipeline")), HttpClient::basic(QStringLiteral("admin"), kFirst));
    if (flex.logout(t2).status != 200 || flex.session(t2).status != 401)
        return {};
    if (flex.setPassword(kRejected, t1).status != 400 || flex.setPassword(kSecond, t1).status != 200)
        return {};
    return t1;
}

// Wrong passwords up to a lockout, the correct one refused, then a change and logout by token.
void SecuritySecretsTest::runFailurePhase(FlexClient& flex, SecretScan& scan, const QByteArray& token)
{
    for (int i = 0; i < 5; ++i) {
        const QString wrong = QStringLiteral("Wrong-Guess-%1-c0ffee%1").arg(i);
        scan.addPassword(QStringLiteral("wrong password %1").arg(i), wrong);
        const int status = flex.login(wrong).status;
        QVERIFY2(status == 400 || status == 429, qPrintable(QString::number(status)));
    }
    EXPECT_STATUS(flex.login(kSecond), 429); // locked: the correct password is refused, and not logged
    EXPECT_STATUS(flex.session(token), 200);
    EXPECT_STATUS(flex.setPassword(kThird, token), 200);
    EXPECT_STATUS(flex.logout(token), 200);
}

void SecuritySecretsTest::expectClean(const SecretScan& scan, const QString& where, const QByteArray& bytes)
{
    const QStringList found = scan.findIn(bytes);
    QVERIFY2(found.isEmpty(), qPrintable(where + QStringLiteral(" contains: ") + found.join(QStringLiteral(", "))));
}

QByteArray SecuritySecretsTest::dataDirFiles(const QString& dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        all += SecretScan::readFileBytes(it.next());
    return all;
}

void SecuritySecretsTest::scriptedSessionLeavesNoSecret()
{
    QTemporaryDir dataDir;
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("gatehouse*.debug=true"));
    extra.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
    GatehousedProcess server;
    QVERIFY2(server.start(dataDir.path(), true, {}, GatehousedProcess::testEnvironment(extra)),
             qPrintable(server.startError()));

    HttpClient http(server.certificatePath());
    FlexClient flex(http, [&server](const QString& path) { return QUrl(server.url(path)); });
    SecretScan scan;
    addPasswords(scan);
    QVERIFY(!scan.findIn("x" + kFirst.toUtf8() + "x").isEmpty()); // the scanner itself works
    const QByteArray token = runLoginPhase(flex, scan);
    QVERIFY2(!token.isEmpty(), "the scripted session did not go as planned");
    runFailurePhase(flex, scan, token);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(scan.count() > 20);

    const QString db = QDir(dataDir.path()).filePath(QStringLiteral("gatehouse.db"));
    QVERIFY2(QFile::exists(db), "no gatehouse.db in the data directory");
    expectClean(scan, QStringLiteral("gatehouse.db (running)"), SecretScan::readFileBytes(db));
    const QString wal = db + QStringLiteral("-wal");
    expectClean(scan, QStringLiteral("gatehouse.db-wal (running)"), SecretScan::readFileBytes(wal));
    expectClean(scan, QStringLiteral("tables (running)"), SecretScan::dumpSqlite(db));

    QVERIFY(server.terminate());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    expectClean(scan, QStringLiteral("data directory files"), dataDirFiles(dataDir.path()));
    QStringList tables;
    expectClean(scan, QStringLiteral("tables"), SecretScan::dumpSqlite(db, &tables));
    QVERIFY2(SecretScan::countRows(db, QStringLiteral("audit")) > 0,
             qPrintable(QStringLiteral("no audit rows; tables: ") + tables.join(u',')));
    expectClean(scan, QStringLiteral("stdout"), server.stdoutData());
    expectClean(scan, QStringLiteral("stderr"), server.stderrData());
    qInfo("scanned %lld bytes of logs for %d needles", qint64(server.stderrData().size()), scan.count());
}

QTEST_GUILESS_MAIN(SecuritySecretsTest)
#include "security_secrets.moc"
