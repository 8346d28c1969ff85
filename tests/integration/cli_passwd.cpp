// gatehoused's command line: --version, --help, bad options, `gatehoused passwd` (new
// admin password from stdin, on the data directory of a stopped or running server), and
// seeding the password with --admin-password-file / GATEHOUSE_ADMIN_PASSWORD_FILE.
#include "tests/testsupport/flexclient.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/testhelpers.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

// The reason a command gives up with: stderr without the server's log lines
// ("gatehouse.<category>: ...") must be exactly one line.
bool isOneLineReason(const QByteArray& stderrData)
{
    int reasons = 0;
    for (const QByteArray& line : stderrData.trimmed().split('\n')) {
        static const QRegularExpression logLine(QStringLiteral(R"(^gatehouse(\.[a-z]+)+: )"));
        if (!logLine.match(QString::fromUtf8(line)).hasMatch())
            ++reasons;
    }
    return reasons == 1 && !stderrData.trimmed().isEmpty();
}

} // namespace

// A gatehoused serving plain HTTP on a data directory, with a FlexClient bound to it.
struct ServedDir
{
    GatehousedProcess process;
    HttpClient http;
    FlexClient flex{http, [this](const QString& path) { return QUrl(process.url(path)); }};

    bool start(const QString& dataDir, const QStringList& extraArgs = {},
               const QProcessEnvironment& env = GatehousedProcess::testEnvironment())
    {
        return process.start(dataDir, false, extraArgs, env);
    }
    bool authEnabled() { return flex.status().object().value(QStringLiteral("auth_enabled")).toBool(); }
};

class CliPasswdTest : public QObject
{
    Q_OBJECT

private slots:
    void version();
    void startupLines();
    void help();
    void badArguments_data();
    void badArguments();
    void passwdSetsPassword();
    void passwdReadsFirstLineOnly();
    void passwdRejects_data();
    void passwdRejects();
    void passwdWhileServing();
    void passwordFileSeeds();
    void passwordFileFromEnvironment();
    void passwordFileDoesNotOverride();
    void requireAuthRefusesToRunOpen();

private:
    static GatehousedProcess::RunResult passwd(const QString& dataDir, const QByteArray& stdinData);
};

GatehousedProcess::RunResult CliPasswdTest::passwd(const QString& dataDir, const QByteArray& stdinData)
{
    return GatehousedProcess::run({QStringLiteral("passwd"), QStringLiteral("--data-dir"), dataDir},
                                  GatehousedProcess::testEnvironment(), stdinData);
}

void CliPasswdTest::version()
{
    const auto result = GatehousedProcess::run({QStringLiteral("--version")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.stdoutData.contains(GATEHOUSE_VERSION), result.stdoutData.constData());
}

void CliPasswdTest::startupLines()
{
    // `Gatehouse <version> serving <url>`, then the certificate's fingerprint, which stays
    // the same across a restart (the certificate is kept in the data directory).
    QTemporaryDir dir;
    QString fingerprint;
    for (int run = 0; run < 2; ++run) {
        GatehousedProcess process;
        QVERIFY2(process.start(dir.path(), true), qPrintable(process.startError()));
        QCOMPARE(process.version(), QStringLiteral(GATEHOUSE_VERSION));
        QVERIFY(process.announcedUrl().startsWith(QStringLiteral("https://")));
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(process.certificatePath());
        QCOMPARE(certificates.size(), 1);
        const QByteArray digest = certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper();
        QCOMPARE(process.fingerprint(), QString::fromLatin1(digest));
        if (run == 1)
            QCOMPARE(process.fingerprint(), fingerprint);
        fingerprint = process.fingerprint();
        QVERIFY(process.terminate());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // SIGTERM handled, not fatal
        QCOMPARE(process.exitCode(), 0);
    }
}

void CliPasswdTest::help()
{
    const auto result = GatehousedProcess::run({QStringLiteral("--help")});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    for (const char* word : {"--data-dir", "--listen", "--http", "passwd"})
        QVERIFY2(result.stdoutData.contains(word), word);
}

void CliPasswdTest::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--no-such-option")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("bad listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("not-an-address")};
    QTest::newRow("listen without value") << QStringList{QStringLiteral("--listen")};
}

void CliPasswdTest::badArguments()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const auto result = GatehousedProcess::run(args + QStringList{QStringLiteral("--data-dir"), dir.path()},
                                               GatehousedProcess::testEnvironment(), {}, 20'000);
    QVERIFY2(result.finished, "gatehoused kept running on bad arguments");
    QVERIFY(result.exitCode != 0);
    QVERIFY2(!result.stderrData.trimmed().isEmpty(), "no reason on stderr");
}

void CliPasswdTest::passwdSetsPassword()
{
    QTemporaryDir dir;
    const QString password = QStringLiteral("Cli-set-Passw0rd-2026");
    const auto result = passwd(dir.path(), password.toUtf8() + '\n');
    QVERIFY2(result.finished && result.exitCode == 0, result.stderrData.constData());
    QVERIFY(!result.stdoutData.contains(password.toUtf8()) && !result.stderrData.contains(password.toUtf8()));

    ServedDir served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    QVERIFY(served.authEnabled());
    EXPECT_STATUS(served.flex.login(password), 200);
    EXPECT_STATUS(served.flex.login(password + u'\n'), 400);
}

void CliPasswdTest::passwdReadsFirstLineOnly()
{
    QTemporaryDir dir;
    const auto result = passwd(dir.path(), "First-line-Passw0rd-9\nsecond line is ignored\n");
    QVERIFY2(result.finished && result.exitCode == 0, result.stderrData.constData());
    ServedDir served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    EXPECT_STATUS(served.flex.login(QStringLiteral("First-line-Passw0rd-9")), 200);
}

void CliPasswdTest::passwdRejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("too short") << QByteArray("Xy7-qZ\n");
    QTest::newRow("common") << QByteArray("password1234\n");
    QTest::newRow("too long") << QByteArray(1025, 'k') + '\n';
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("empty line") << QByteArray("\n");
}

void CliPasswdTest::passwdRejects()
{
    QFETCH(QByteArray, input);
    QTemporaryDir dir;
    const auto result = passwd(dir.path(), input);
    QVERIFY(result.finished);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(isOneLineReason(result.stderrData), result.stderrData.constData());
    const QByteArray secret = input.trimmed();
    QVERIFY2(secret.size() < 6 || !result.stderrData.contains(secret), "the reason echoes the password");

    ServedDir served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    QVERIFY(!served.authEnabled());
}

void CliPasswdTest::passwdWhileServing()
{
    // Subcommands act on the storage of a running server, which picks the change up at once.
    QTemporaryDir dir;
    ServedDir served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    QVERIFY(!served.authEnabled());
    const QString password = QStringLiteral("Live-change-Passw0rd-3");
    const auto result = passwd(dir.path(), password.toUtf8() + '\n');
    QVERIFY2(result.finished && result.exitCode == 0, result.stderrData.constData());
    QTRY_VERIFY_WITH_TIMEOUT(served.authEnabled(), 5000);
    EXPECT_STATUS(served.flex.login(password), 200);
}

void CliPasswdTest::passwordFileSeeds()
{
    QTemporaryDir dir;
    QTemporaryDir secrets;
    const QString file = writeFile(secrets, QStringLiteral("admin-password"), "Seeded-Passw0rd-from-file\n");
    QVERIFY(!file.isEmpty());
    ServedDir served;
    QVERIFY2(served.start(dir.path(), {QStringLiteral("--admin-password-file"), file}),
             qPrintable(served.process.startError()));
    QVERIFY(served.authEnabled());
    EXPECT_STATUS(served.flex.login(QStringLiteral("Seeded-Passw0rd-from-file")), 200);
}

void CliPasswdTest::passwordFileFromEnvironment()
{
    QTemporaryDir dir;
    QTemporaryDir secrets;
    const QString file = writeFile(secrets, QStringLiteral("admin-password"), "Env-seeded-Passw0rd-55\n");
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD_FILE"), file);
    ServedDir served;
    QVERIFY2(served.start(dir.path(), {}, GatehousedProcess::testEnvironment(extra)),
             qPrintable(served.process.startError()));
    EXPECT_STATUS(served.flex.login(QStringLiteral("Env-seeded-Passw0rd-55")), 200);
}

void CliPasswdTest::passwordFileDoesNotOverride()
{
    QTemporaryDir dir;
    QTemporaryDir secrets;
    const QString first = writeFile(secrets, QStringLiteral("a"), "Fq8#zT2m-Lw9pXc4\n");
    const QString second = writeFile(secrets, QStringLiteral("b"), "Hv3$kN7r-Bd5yQe1\n");
    {
        ServedDir served;
        QVERIFY2(served.start(dir.path(), {QStringLiteral("--admin-password-file"), first}),
                 qPrintable(served.process.startError()));
        QVERIFY(served.process.terminate());
    }
    ServedDir served;
    QVERIFY2(served.start(dir.path(), {QStringLiteral("--admin-password-file"), second}),
             qPrintable(served.process.startError()));
    EXPECT_STATUS(served.flex.login(QStringLiteral("Hv3$kN7r-Bd5yQe1")), 400);
    EXPECT_STATUS(served.flex.login(QStringLiteral("Fq8#zT2m-Lw9pXc4")), 200);
}

void CliPasswdTest::requireAuthRefusesToRunOpen()
{
    QTemporaryDir dir;
    ServedDir served;
    QVERIFY2(served.start(dir.path(), {QStringLiteral("--require-auth")}), qPrintable(served.process.startError()));
    const HttpResponse session = served.flex.session();
    EXPECT_STATUS(session, 503);
    EXPECT_FLEX_ERROR(session, QString());
    EXPECT_STATUS(served.flex.status(), 200);
    EXPECT_STATUS(served.flex.setPassword(QStringLiteral("Required-Passw0rd-77")), 200);
    const QByteArray token = served.flex.loginToken(QStringLiteral("Required-Passw0rd-77"));
    EXPECT_STATUS(served.flex.session(token), 200);
}

QTEST_GUILESS_MAIN(CliPasswdTest)
#include "cli_passwd.moc"
