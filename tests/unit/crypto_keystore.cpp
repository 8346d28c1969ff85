#include "crypto/keystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

const char ChildMarker[] = "GATEHOUSE_KEYCHAIN_CHILD";

KeyStore::Options fileOptions(const QString& dataDir, const QByteArray& secretKey = {})
{
    return KeyStore::Options{dataDir, KeyStore::Backend::File, secretKey, {}};
}

mode_t modeOf(const QString& path)
{
    struct stat info
    {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_mode & 0777;
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // ctest pins the file backend through the environment; these tests choose their own.
        qunsetenv("GATEHOUSE_KEYSTORE");
    }

    void fileBackendCreatesAPrivateKeyFile()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("not/yet/there"));
        QString error;
        const std::optional<KeyStore> store = KeyStore::open(fileOptions(dataDir), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->backendName(), QStringLiteral("file"));
        QCOMPARE(store->signingKey().size(), 32);
        QCOMPARE(store->tokenPepper().size(), 32);
        QVERIFY(store->signingKey() != store->tokenPepper());
        const QString keyFile = QDir(dataDir).filePath(QStringLiteral("master.key"));
        QCOMPARE(QFileInfo(keyFile).size(), 32);
        QCOMPARE(modeOf(keyFile), mode_t(0600));
        // Only the key file itself: no temporary file left behind.
        QCOMPARE(QDir(dataDir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("master.key")});
    }

    void sameKeysOnReopen()
    {
        QTemporaryDir dir;
        const std::optional<KeyStore> first = KeyStore::open(fileOptions(dir.path()), nullptr);
        const std::optional<KeyStore> second = KeyStore::open(fileOptions(dir.path()), nullptr);
        QVERIFY(first && second);
        QCOMPARE(second->signingKey(), first->signingKey());
        QCOMPARE(second->tokenPepper(), first->tokenPepper());
    }

    void differentDataDirsDifferentKeys()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        const std::optional<KeyStore> first = KeyStore::open(fileOptions(a.path()), nullptr);
        const std::optional<KeyStore> second = KeyStore::open(fileOptions(b.path()), nullptr);
        QVERIFY(first && second);
        QVERIFY(first->signingKey() != second->signingKey());
        QVERIFY(first->tokenPepper() != second->tokenPepper());
    }

    void secretKeyOverridesTheSigningKeyOnly()
    {
        QTemporaryDir dir;
        const std::optional<KeyStore> derived = KeyStore::open(fileOptions(dir.path()), nullptr);
        const QByteArray secret = QStringLiteral("my sécret").toUtf8();
        const std::optional<KeyStore> overridden = KeyStore::open(fileOptions(dir.path(), secret), nullptr);
        QVERIFY(derived && overridden);
        QCOMPARE(overridden->signingKey(), secret);
        QCOMPARE(overridden->tokenPepper(), derived->tokenPepper());
    }

    void refusesAKeyFileOthersCanRead_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0660") << 0660;
    }

    void refusesAKeyFileOthersCanRead()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        QVERIFY(KeyStore::open(fileOptions(dir.path()), nullptr));
        const QString keyFile = dir.filePath(QStringLiteral("master.key"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray secret = file.readAll();
        QCOMPARE(::chmod(QFile::encodeName(keyFile).constData(), mode_t(mode)), 0);
        QString error;
        QVERIFY(!KeyStore::open(fileOptions(dir.path()), &error));
        QVERIFY2(error.contains(QStringLiteral("chmod 600")), qPrintable(error));
        QVERIFY(!error.toUtf8().contains(secret.toHex()));
        QCOMPARE(modeOf(keyFile), mode_t(mode)); // reported, never silently "fixed"
    }

    void refusesAKeyFileOfTheWrongSize()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("master.key"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("too short");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QString error;
        QVERIFY(!KeyStore::open(fileOptions(dir.path()), &error));
        QVERIFY2(error.contains(QStringLiteral("32-byte")), qPrintable(error));
    }

    void environmentChoosesTheBackend()
    {
        QTemporaryDir dir;
        qputenv("GATEHOUSE_KEYSTORE", "file");
        KeyStore::Options options{dir.path(), KeyStore::Backend::Keychain, {}, {}};
        const std::optional<KeyStore> store = KeyStore::open(options, nullptr);
        QVERIFY(store);
        QCOMPARE(store->backendName(), QStringLiteral("file"));
        qputenv("GATEHOUSE_KEYSTORE", "vault");
        QString error;
        QVERIFY(!KeyStore::open(options, &error));
        QVERIFY(error.contains(QStringLiteral("GATEHOUSE_KEYSTORE")));
    }

    void autoWithoutSessionBusUsesTheFile()
    {
        QTemporaryDir dir;
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        const std::optional<KeyStore> store = KeyStore::open({dir.path(), KeyStore::Backend::Auto, {}, {}}, nullptr);
        if (!bus.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        QVERIFY(store);
        QCOMPARE(store->backendName(), QStringLiteral("file"));
    }

    // Runs keychainChild() in a private D-Bus session with an unlocked gnome-keyring, so the
    // real Secret Service path is exercised without touching the user's keyring.
    void secretService()
    {
        const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbusRunSession.isEmpty() || keyring.isEmpty())
            QSKIP("dbus-run-session or gnome-keyring-daemon is not installed");
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        env.insert(QString::fromLatin1(ChildMarker), home.path());
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(dbusRunSession,
                    {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("printf test | \"$1\" --unlock --components=secrets >/dev/null && exec \"$2\" "
                                    "keychainChild"),
                     QStringLiteral("sh"), keyring, QCoreApplication::applicationFilePath()});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        if (output.contains("SKIP   : TestKeyStore::keychainChild"))
            QSKIP(qPrintable(QStringLiteral("the Secret Service does not work here: ") + QString::fromUtf8(output)));
        QVERIFY2(child.exitCode() == 0 && output.contains("PASS   : TestKeyStore::keychainChild"), output.constData());
    }

    void keychainChild()
    {
        const QString home = qEnvironmentVariable(ChildMarker);
        if (home.isEmpty())
            QSKIP("runs only inside secretService()'s private D-Bus session");
        const QString dataDir = QDir(home).filePath(QStringLiteral("gatehouse"));
        QString error;
        const std::optional<KeyStore> first = KeyStore::open({dataDir, KeyStore::Backend::Keychain, {}, {}}, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->backendName(), QStringLiteral("keychain"));
        QCOMPARE(first->signingKey().size(), 32);
        QVERIFY(!QFile::exists(QDir(dataDir).filePath(QStringLiteral("master.key"))));
        // Auto finds the same entry (the session bus is there and no key file exists).
        const std::optional<KeyStore> second = KeyStore::open({dataDir, KeyStore::Backend::Auto, {}, {}}, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->backendName(), QStringLiteral("keychain"));
        QCOMPARE(second->signingKey(), first->signingKey());
        QCOMPARE(second->tokenPepper(), first->tokenPepper());
        const QString otherDir = QDir(home).filePath(QStringLiteral("other"));
        const std::optional<KeyStore> other = KeyStore::open({otherDir, KeyStore::Backend::Keychain, {}, {}}, &error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY(other->signingKey() != first->signingKey());
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "crypto_keystore.moc"
