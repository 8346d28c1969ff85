#include "storage/auditrepository.h"
#include "storage/database.h"
#include "tests/testsupport/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

AuditEventRecord makeEvent(qint64 atMs, const QString& kind = QStringLiteral("login"))
{
    return {
        0, atMs, kind, QStringLiteral("alice"), QStringLiteral("192.0.2.1"), QStringLiteral("{\"dialect\":\"rest\"}")};
}

QList<qint64> ids(const std::vector<AuditEventRecord>& events)
{
    QList<qint64> list;
    for (const AuditEventRecord& event : events)
        list.append(event.id);
    return list;
}

} // namespace

class StorageAuditTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appendReturnsIds();
    void appendBatch();
    void recentPages_data();
    void recentPages();
    void purge();

private:
    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<AuditRepository> m_audit;
};

void StorageAuditTest::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ready(), qPrintable(m_db->error()));
    m_audit = std::make_unique<AuditRepository>(m_db->database());
}

void StorageAuditTest::cleanup()
{
    m_audit.reset();
    m_db.reset();
}

void StorageAuditTest::appendReturnsIds()
{
    const AuditEventRecord event = makeEvent(kNow, QStringLiteral("password.set"));
    const qint64 first = m_audit->append(event);
    QVERIFY(first > 0);
    const qint64 second =
        m_audit->append(AuditEventRecord{0, kNow + 1, QStringLiteral("logout"), QStringLiteral("anonymous"), {}, {}});
    QVERIFY(second > first);
    const std::vector<AuditEventRecord> events = m_audit->recent(10);
    QCOMPARE(ids(events), (QList<qint64>{second, first}));
    const AuditEventRecord& read = events[1];
    QCOMPARE(read.atMs, event.atMs);
    QCOMPARE(read.kind, event.kind);
    QCOMPARE(read.actor, event.actor);
    QCOMPARE(read.clientIp, event.clientIp);
    QCOMPARE(read.detail, event.detail);
    QVERIFY(events[0].clientIp.isEmpty());
}

void StorageAuditTest::appendBatch()
{
    QVERIFY(m_audit->append(std::vector<AuditEventRecord>{}));
    QVERIFY(m_audit->append(std::vector{makeEvent(kNow), makeEvent(kNow + 1), makeEvent(kNow + 2)}));
    QCOMPARE(m_audit->recent(100).size(), 3u);
    // The batch committed: a single append afterwards is not stuck behind an open transaction.
    QVERIFY(m_audit->append(makeEvent(kNow + 3)) > 0);
}

void StorageAuditTest::recentPages_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("beforeIndex"); // index into the ids appended, -1 = from the newest
    QTest::addColumn<QList<int>>("expectedIndexes");
    QTest::newRow("newest") << 3 << -1 << QList<int>{5, 4, 3};
    QTest::newRow("next page") << 3 << 3 << QList<int>{2, 1, 0};
    QTest::newRow("last partial page") << 3 << 1 << QList<int>{0};
    QTest::newRow("past the end") << 3 << 0 << QList<int>{};
    QTest::newRow("everything") << 100 << -1 << QList<int>{5, 4, 3, 2, 1, 0};
}

void StorageAuditTest::recentPages()
{
    QFETCH(int, limit);
    QFETCH(int, beforeIndex);
    QFETCH(QList<int>, expectedIndexes);
    QList<qint64> appended;
    for (int i = 0; i < 6; ++i)
        appended.append(m_audit->append(makeEvent(kNow + i)));
    QList<qint64> expected;
    for (int index : expectedIndexes)
        expected.append(appended[index]);
    const qint64 beforeId = beforeIndex < 0 ? 0 : appended[beforeIndex];
    QCOMPARE(ids(m_audit->recent(limit, beforeId)), expected);
}

void StorageAuditTest::purge()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_audit->append(makeEvent(kNow + i)) > 0);
    QCOMPARE(m_audit->purge(kNow + 3), 3);
    const std::vector<AuditEventRecord> left = m_audit->recent(10);
    QCOMPARE(left.size(), 1u);
    QCOMPARE(left[0].atMs, kNow + 3);
    QCOMPARE(m_audit->purge(kNow), 0);
}

QTEST_GUILESS_MAIN(StorageAuditTest)
#include "storage_audit.moc"
