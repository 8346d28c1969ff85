// `gatehouse --headless`: the same server, no widget and no display; SIGTERM stops it cleanly.

#include "tests/testsupport/httpclient.h"
#include "tests/testsupport/testserver.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class HeadlessTest : public QObject
{
    Q_OBJECT

private slots:
    void servesWithoutADisplayAndStopsOnSigterm();
    void theWindowedModeNeedsADisplay();

private:
    static QProcessEnvironment withoutDisplay();
};

// A display server that does not exist: anything that opened a window would fail here.
QProcessEnvironment HeadlessTest::withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("GATEHOUSE_KEYSTORE"), QStringLiteral("file"));
    env.insert(QStringLiteral("SECRET_KEY"), QString::fromLatin1(TestConstants::secretKey()));
    return env;
}

void HeadlessTest::servesWithoutADisplayAndStopsOnSigterm()
{
    QTemporaryDir data;
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(GATEHOUSE_PATH),
                  {QStringLiteral("--headless"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0")});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("fingerprint"), 30'000);
    const QByteArray serving = out.mid(out.indexOf("serving ") + 8).split('\n').first().trimmed();
    QVERIFY2(serving.startsWith("https://"), out.constData());
    const QString port = QString::fromLatin1(serving.mid(serving.lastIndexOf(':') + 1));

    HttpClient http(QDir(data.path()).filePath(QStringLiteral("tls/cert.pem")));
    const HttpResponse status = http.get(QUrl(QStringLiteral("https://127.0.0.1:%1/flex/auth/status").arg(port)));
    QCOMPARE(status.status, 200);

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(15'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

// The contrast that makes the test above mean something: without --headless the same
// environment cannot start (the panel needs a display).
void HeadlessTest::theWindowedModeNeedsADisplay()
{
    QTemporaryDir data;
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(
        QStringLiteral(GATEHOUSE_PATH),
        {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(process.waitForFinished(30'000));
    QVERIFY(process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0);
}

QTEST_GUILESS_MAIN(HeadlessTest)
#include "headless.moc"
