// Secrets from systemd credentials ($CREDENTIALS_DIRECTORY): the admin password seed and the
// JWT signing key, each only where no explicit setting names one.
#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class ConfigSystemdCredentialsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void withoutCredentialsDirectoryNothingChanges();
    void credentialsAreUsed();
    void explicitSettingsWin();
    void absentCredentialsAreNoError();
    void emptyKeyIsRefusedWithoutContent();

private:
    std::optional<Config> load(const QProcessEnvironment& environment, QString* error);
    QProcessEnvironment credentialsEnvironment() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void ConfigSystemdCredentialsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::optional<Config> ConfigSystemdCredentialsTest::load(const QProcessEnvironment& environment, QString* error)
{
    ConfigSources sources;
    sources.environment = environment;
    sources.defaultDataDir = m_dir->filePath(QStringLiteral("data"));
    return loadConfig(sources, error);
}

QProcessEnvironment ConfigSystemdCredentialsTest::credentialsEnvironment() const
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), m_dir->path());
    return environment;
}

void ConfigSystemdCredentialsTest::withoutCredentialsDirectoryNothingChanges()
{
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("admin-password")), "Seed-Passw0rd-1\n"));
    QString error;
    const auto config = load(QProcessEnvironment(), &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->adminPasswordFile.isEmpty());
    QVERIFY(config->secretKey.isEmpty());
}

void ConfigSystemdCredentialsTest::credentialsAreUsed()
{
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("admin-password")), "Seed-Passw0rd-1\n"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("secret-key")), "a signing key from systemd\n"));
    QString error;
    const auto config = load(credentialsEnvironment(), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->adminPasswordFile, m_dir->filePath(QStringLiteral("admin-password")));
    QCOMPARE(config->secretKey, QByteArray("a signing key from systemd")); // without the line end
}

void ConfigSystemdCredentialsTest::explicitSettingsWin()
{
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("admin-password")), "Seed-Passw0rd-1\n"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("secret-key")), "from systemd"));
    QProcessEnvironment environment = credentialsEnvironment();
    environment.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD_FILE"), QStringLiteral("/etc/operator-choice"));
    environment.insert(QStringLiteral("SECRET_KEY"), QStringLiteral("from the environment"));
    QString error;
    const auto config = load(environment, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->adminPasswordFile, QStringLiteral("/etc/operator-choice"));
    QCOMPARE(config->secretKey, QByteArray("from the environment"));
}

void ConfigSystemdCredentialsTest::absentCredentialsAreNoError()
{
    QString error;
    const auto config = load(credentialsEnvironment(), &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->adminPasswordFile.isEmpty());
    QVERIFY(config->secretKey.isEmpty());
}

void ConfigSystemdCredentialsTest::emptyKeyIsRefusedWithoutContent()
{
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("secret-key")), "\n"));
    QString error;
    QVERIFY(!load(credentialsEnvironment(), &error));
    QVERIFY2(error.contains(QStringLiteral("secret-key")) && error.contains(QStringLiteral("empty")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(ConfigSystemdCredentialsTest)
#include "config_systemdcredentials.moc"
