#include "storage/auditrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/settingsrepository.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace {

constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QVariant scalar(Database& database, const QString& statement)
{
    QSqlQuery query(database.connection());
    if (!query.exec(statement) || !query.next())
        return {};
    return query.value(0);
}

QStringList gatehouseConnections()
{
    return QSqlDatabase::connectionNames().filter(QRegularExpression(QStringLiteral("^gatehouse-")));
}

} // namespace

class StorageDatabaseTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void migrateFreshAndIdempotent();
    void concurrentMigrations();
    void pragmasOnEveryConnection_data();
    void pragmasOnEveryConnection();
    void filesAreOwnerOnly();
    void concurrentThreads();
    void transactionCommitsOrRollsBack_data();
    void transactionCommitsOrRollsBack();
    void dataSurvivesReopening();
    void secondDatabaseSeesCommittedWrites();
    void unreachableLocation();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("data/gatehouse.db")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void StorageDatabaseTest::init()
{
    // Any storage warning (a failed statement, "database is locked", a connection still in use) fails the test.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void StorageDatabaseTest::migrateFreshAndIdempotent()
{
    Database database(path());
    QCOMPARE(database.schemaVersion(), 0);
    QString error;
    QVERIFY2(database.migrate(&error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(database.schemaVersion(), Migrations::latestVersion());
    QVERIFY(database.migrate(&error));
    QVERIFY(database.migrate(nullptr));
    QCOMPARE(database.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
             Migrations::latestVersion());
    const QStringList tables = database.connection().tables();
    for (const char* table : {"accounts", "sessions", "ratelimit_events", "audit_events", "settings"})
        QVERIFY2(tables.contains(QLatin1String(table)), table);
    QVERIFY(database.isReachable());
}

void StorageDatabaseTest::concurrentMigrations()
{
    // Separate Database objects on a fresh file, as several processes starting at once.
    constexpr int kStarters = 4;
    std::atomic<int> migrated{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kStarters; ++i) {
        threads.emplace_back(QThread::create([&] {
            Database database(path());
            if (database.migrate(nullptr))
                ++migrated;
        }));
    }
    for (const auto& thread : threads)
        thread->start();
    for (const auto& thread : threads)
        QVERIFY(thread->wait());
    QCOMPARE(migrated.load(), kStarters);
    Database database(path());
    QCOMPARE(database.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
             Migrations::latestVersion());
}

void StorageDatabaseTest::pragmasOnEveryConnection_data()
{
    QTest::addColumn<QString>("pragma");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wal") << QStringLiteral("journal_mode") << QStringLiteral("wal");
    QTest::newRow("synchronous full") << QStringLiteral("synchronous") << QStringLiteral("2");
    QTest::newRow("foreign keys") << QStringLiteral("foreign_keys") << QStringLiteral("1");
    QTest::newRow("busy timeout") << QStringLiteral("busy_timeout") << QStringLiteral("5000");
}

void StorageDatabaseTest::pragmasOnEveryConnection()
{
    QFETCH(QString, pragma);
    QFETCH(QString, expected);
    Database database(path());
    const QString statement = QStringLiteral("PRAGMA ") + pragma;
    QCOMPARE(scalar(database, statement).toString(), expected);
    QString inThread;
    std::unique_ptr<QThread> thread(QThread::create([&] { inThread = scalar(database, statement).toString(); }));
    thread->start();
    QVERIFY(thread->wait());
    QCOMPARE(inThread, expected);
}

void StorageDatabaseTest::filesAreOwnerOnly()
{
    Database database(path());
    QVERIFY(database.migrate(nullptr));
    const QFileInfo file(path());
    QVERIFY(file.exists());
    QCOMPARE(file.permissions() & kGroupOrOther, QFileDevice::Permissions());
    QVERIFY(file.permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QFileInfo wal(path() + QStringLiteral("-wal"));
    QVERIFY(wal.exists());
    QCOMPARE(wal.permissions() & kGroupOrOther, QFileDevice::Permissions());
    const QFileInfo directory(file.absolutePath());
    QCOMPARE(directory.permissions() & kGroupOrOther, QFileDevice::Permissions());
    QVERIFY(
        directory.permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void StorageDatabaseTest::concurrentThreads()
{
    constexpr int kThreads = 4;
    constexpr int kInserts = 200;
    Database database(path());
    QVERIFY(database.migrate(nullptr));
    AuditRepository audit(database);
    std::atomic<int> succeeded{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            for (int i = 0; i < kInserts; ++i) {
                AuditEventRecord event{0, i, QStringLiteral("test"), QStringLiteral("thread%1").arg(t), {}, {}};
                // Half single statements, half explicit transactions: both kinds of writer contend.
                const bool ok = i % 2 == 0 ? audit.append(event) != 0 : audit.append(std::vector{event, event});
                if (ok)
                    ++succeeded;
            }
        }));
    }
    for (const auto& thread : threads)
        thread->start();
    for (const auto& thread : threads)
        QVERIFY(thread->wait());
    QCOMPARE(succeeded.load(), kThreads * kInserts);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM audit_events")).toInt(),
             kThreads * kInserts * 3 / 2);
    // Each finished thread gave its connection back; only this thread's is left.
    QCOMPARE(gatehouseConnections().size(), 1);
}

void StorageDatabaseTest::transactionCommitsOrRollsBack_data()
{
    QTest::addColumn<bool>("commit");
    QTest::newRow("commit") << true;
    QTest::newRow("rollback") << false;
}

void StorageDatabaseTest::transactionCommitsOrRollsBack()
{
    QFETCH(bool, commit);
    Database database(path());
    QVERIFY(database.migrate(nullptr));
    const bool committed = database.transaction([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")) && commit;
    });
    QCOMPARE(committed, commit);
    Database other(path());
    QCOMPARE(SettingsRepository(other).value(QStringLiteral("k")).has_value(), commit);
    // The connection is usable again: no transaction was left open.
    QVERIFY(database.transaction([](QSqlDatabase&) { return true; }));
}

void StorageDatabaseTest::dataSurvivesReopening()
{
    {
        Database database(path());
        QVERIFY(database.migrate(nullptr));
        QVERIFY(SettingsRepository(database).setValue(QStringLiteral("k"), QStringLiteral("v")));
    }
    QVERIFY(gatehouseConnections().isEmpty());
    Database reopened(path());
    QVERIFY(reopened.migrate(nullptr));
    QCOMPARE(SettingsRepository(reopened).value(QStringLiteral("k")), QStringLiteral("v"));
}

void StorageDatabaseTest::secondDatabaseSeesCommittedWrites()
{
    Database first(path());
    Database second(path()); // as a second process would open the same file
    QVERIFY(first.migrate(nullptr));
    QVERIFY(second.migrate(nullptr));
    SettingsRepository firstSettings(first);
    SettingsRepository secondSettings(second);
    QVERIFY(firstSettings.setValue(QStringLiteral("a"), QStringLiteral("1")));
    QCOMPARE(secondSettings.value(QStringLiteral("a")), QStringLiteral("1"));
    QVERIFY(second.transaction([](QSqlDatabase& db) {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("UPDATE settings SET value = '2' WHERE key = 'a'"));
    }));
    QCOMPARE(firstSettings.value(QStringLiteral("a")), QStringLiteral("2"));
}

void StorageDatabaseTest::unreachableLocation()
{
    QFile blocker(m_dir->filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // The parent "directory" is a regular file: nothing can be created there.
    Database database(m_dir->filePath(QStringLiteral("file/sub/gatehouse.db")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot create the database directory")));
    QVERIFY(!database.connection().isOpen());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot create the database directory")));
    QVERIFY(!database.isReachable());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot create the database directory")));
    QString error;
    QVERIFY(!database.migrate(&error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(StorageDatabaseTest)
#include "storage_database.moc"
