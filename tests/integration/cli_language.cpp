// gatehoused in the user's language: --help, the tables and the one-line errors follow
// LANG (here fr_FR.UTF-8 and de_DE.UTF-8), while what scripts read does not: the start-up
// lines, --json and a new token's secret stay as they are in every language.
#include "tests/testsupport/gatehousedprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The test environment with `lang` as the user's only language setting.
QProcessEnvironment speaking(const QString& lang)
{
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("LANG"), lang);
    for (const char* other : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        extra.insert(QLatin1String(other), QString()); // empty: unset for the C library and Qt alike
    return GatehousedProcess::testEnvironment(extra);
}

QStringList words(const QString& dataDir, const char* command)
{
    return QStringList{QStringLiteral("--data-dir"), dataDir} + QString::fromLatin1(command).split(u' ');
}

} // namespace

class CliLanguageTest : public QObject
{
    Q_OBJECT

private slots:
    void helpInFrench();
    void tablesAndErrorsInGerman();
    void scriptsReadTheSameInEveryLanguage();
};

void CliLanguageTest::helpInFrench()
{
    const auto result = GatehousedProcess::run({QStringLiteral("--help")}, speaking(QStringLiteral("fr_FR.UTF-8")));
    QCOMPARE(result.exitCode, 0);
    const QString help = QString::fromUtf8(result.stdoutData);
    for (const QString& french : {QStringLiteral("Afficher cette aide."),                 // an option of gatehoused
                                  QStringLiteral("Répertoire de données"),                // a serving option
                                  QStringLiteral("lister les comptes"),                   // a command
                                  QStringLiteral("le dernier l’emporte\u00a0: fichier")}) // the settings
        QVERIFY2(help.contains(french), qPrintable(french));
    // The synopses, option names and setting keys are typed as they are, in any language.
    for (const char* literal : {"users list", "--data-dir", "max_login_attempts / MAX_LOGIN_ATTEMPTS"})
        QVERIFY2(result.stdoutData.contains(literal), literal);
    QVERIFY(!result.stdoutData.contains("Show this help."));
}

void CliLanguageTest::tablesAndErrorsInGerman()
{
    QTemporaryDir dir;
    const QProcessEnvironment german = speaking(QStringLiteral("de_DE.UTF-8"));
    const auto table = GatehousedProcess::run(words(dir.path(), "users list"), german);
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.stdoutData.startsWith("ID") && table.stdoutData.contains("BENUTZERNAME"), table.stdoutData);

    const auto missing = GatehousedProcess::run(words(dir.path(), "users add"), german);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.stderrData.contains("gatehoused users add: NAME fehlt"), missing.stderrData);
}

void CliLanguageTest::scriptsReadTheSameInEveryLanguage()
{
    QTemporaryDir dir;
    const QProcessEnvironment french = speaking(QStringLiteral("fr_FR.UTF-8"));
    const auto listed = GatehousedProcess::run(words(dir.path(), "users list --json"), french);
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(listed.stdoutData).object().contains(QStringLiteral("users")), listed.stdoutData);

    // start() waits for "Gatehouse <version> serving <url>" and the fingerprint line.
    GatehousedProcess served;
    QVERIFY2(served.start(dir.path(), true, {}, french), qPrintable(served.startError()));
    QVERIFY(!served.fingerprint().isEmpty());
    QVERIFY(served.terminate());
}

QTEST_GUILESS_MAIN(CliLanguageTest)
#include "cli_language.moc"
