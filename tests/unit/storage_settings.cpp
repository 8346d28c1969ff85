#include "storage/database.h"
#include "storage/settingsrepository.h"
#include "tests/testsupport/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

class StorageSettingsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void setAndGet_data();
    void setAndGet();
    void overwrite();
    void remove();

private:
    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<SettingsRepository> m_settings;
};

void StorageSettingsTest::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ready(), qPrintable(m_db->error()));
    m_settings = std::make_unique<SettingsRepository>(m_db->database());
}

void StorageSettingsTest::cleanup()
{
    m_settings.reset();
    m_db.reset();
}

void StorageSettingsTest::setAndGet_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("auth.enabled") << QStringLiteral("true");
    QTest::newRow("empty value") << QStringLiteral("banner") << QString();
    QTest::newRow("json, quotes, unicode")
        << QStringLiteral("ui.layout") << QStringLiteral("{\"name\":\"O'Brien \u2603\", \"x\": \"a;--\"}");
}

void StorageSettingsTest::setAndGet()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QVERIFY(!m_settings->value(key));
    QVERIFY(m_settings->setValue(key, value));
    const std::optional<QString> read = m_settings->value(key);
    QVERIFY(read);
    QCOMPARE(*read, value);
}

void StorageSettingsTest::overwrite()
{
    QVERIFY(m_settings->setValue(QStringLiteral("k"), QStringLiteral("1")));
    QVERIFY(m_settings->setValue(QStringLiteral("k"), QStringLiteral("2")));
    QCOMPARE(m_settings->value(QStringLiteral("k")), QStringLiteral("2"));
    QVERIFY(m_settings->setValue(QStringLiteral("other"), QStringLiteral("3")));
    QCOMPARE(m_settings->value(QStringLiteral("k")), QStringLiteral("2"));
}

void StorageSettingsTest::remove()
{
    QVERIFY(m_settings->setValue(QStringLiteral("k"), QStringLiteral("1")));
    QVERIFY(m_settings->remove(QStringLiteral("k")));
    QVERIFY(!m_settings->value(QStringLiteral("k")));
    QVERIFY(m_settings->remove(QStringLiteral("k")));
}

QTEST_GUILESS_MAIN(StorageSettingsTest)
#include "storage_settings.moc"
