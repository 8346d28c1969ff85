#include "storage/database.h"
#include "storage/ratelimiteventrepository.h"
#include "tests/testsupport/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

RateLimitEventRecord makeEvent(qint64 atMs, const QString& clientIp, const QString& kind = QStringLiteral("failure"))
{
    return {0, atMs, clientIp, kind, QStringLiteral("rest"), QStringLiteral("alice"), QStringLiteral("bad password")};
}

QList<qint64> times(const std::vector<RateLimitEventRecord>& events)
{
    QList<qint64> list;
    for (const RateLimitEventRecord& event : events)
        list.append(event.atMs - kNow);
    return list;
}

} // namespace

class StorageRateLimitEventsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appendAndRead();
    void appendBatch();
    void recent_data();
    void recent();
    void windowEventsSince();
    void purge();

private:
    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<RateLimitEventRepository> m_events;
};

void StorageRateLimitEventsTest::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ready(), qPrintable(m_db->error()));
    m_events = std::make_unique<RateLimitEventRepository>(m_db->database());
}

void StorageRateLimitEventsTest::cleanup()
{
    m_events.reset();
    m_db.reset();
}

void StorageRateLimitEventsTest::appendAndRead()
{
    const RateLimitEventRecord event{0,
                                     kNow,
                                     QStringLiteral("2001:db8::1"),
                                     QStringLiteral("lockout"),
                                     QStringLiteral("manager"),
                                     QStringLiteral("bob"),
                                     QStringLiteral("5 failures")};
    QVERIFY(m_events->append(event));
    RateLimitEventRecord global{0, kNow + 1, QStringLiteral("192.0.2.1"), QStringLiteral("throttled"), {}, {}, {}};
    QVERIFY(m_events->append(global));

    const std::vector<RateLimitEventRecord> events = m_events->recent(0, 10);
    QCOMPARE(events.size(), 2u);
    QCOMPARE(events[0].kind, QStringLiteral("throttled"));
    QVERIFY(events[0].dialect.isEmpty());
    QVERIFY(events[0].username.isEmpty());
    const RateLimitEventRecord& read = events[1];
    QVERIFY(read.id > 0);
    QCOMPARE(read.atMs, event.atMs);
    QCOMPARE(read.clientIp, event.clientIp);
    QCOMPARE(read.kind, event.kind);
    QCOMPARE(read.dialect, event.dialect);
    QCOMPARE(read.username, event.username);
    QCOMPARE(read.detail, event.detail);
}

void StorageRateLimitEventsTest::appendBatch()
{
    QVERIFY(m_events->append(std::vector<RateLimitEventRecord>{}));
    std::vector<RateLimitEventRecord> batch;
    for (int i = 0; i < 50; ++i)
        batch.push_back(makeEvent(kNow + i, QStringLiteral("192.0.2.%1").arg(i % 3)));
    QVERIFY(m_events->append(batch));
    QCOMPARE(m_events->recent(0, 1000).size(), 50u);
}

void StorageRateLimitEventsTest::recent_data()
{
    QTest::addColumn<qint64>("sinceOffset");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("clientIp");
    QTest::addColumn<QList<qint64>>("expected"); // offsets from kNow, newest first
    QTest::newRow("all") << qint64(0) << 100 << QString() << QList<qint64>{5, 4, 3, 2, 1, 0};
    QTest::newRow("limit") << qint64(0) << 2 << QString() << QList<qint64>{5, 4};
    QTest::newRow("since") << qint64(3) << 100 << QString() << QList<qint64>{5, 4, 3};
    QTest::newRow("one address") << qint64(0) << 100 << QStringLiteral("192.0.2.1") << QList<qint64>{4, 2, 0};
    QTest::newRow("address, since, limit") << qint64(1) << 1 << QStringLiteral("192.0.2.1") << QList<qint64>{4};
    QTest::newRow("unknown address") << qint64(0) << 100 << QStringLiteral("198.51.100.1") << QList<qint64>{};
}

void StorageRateLimitEventsTest::recent()
{
    QFETCH(qint64, sinceOffset);
    QFETCH(int, limit);
    QFETCH(QString, clientIp);
    QFETCH(QList<qint64>, expected);
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_events->append(makeEvent(kNow + i, QStringLiteral("192.0.2.%1").arg(1 + i % 2))));
    QCOMPARE(times(m_events->recent(kNow + sinceOffset, limit, clientIp)), expected);
}

void StorageRateLimitEventsTest::windowEventsSince()
{
    QVERIFY(m_events->append(makeEvent(kNow + 3, QStringLiteral("192.0.2.1"))));
    QVERIFY(m_events->append(makeEvent(kNow + 1, QStringLiteral("192.0.2.2"))));
    QVERIFY(m_events->append(makeEvent(kNow + 2, QStringLiteral("192.0.2.1"), QStringLiteral("lockout"))));
    QVERIFY(m_events->append(makeEvent(kNow - 1, QStringLiteral("192.0.2.1"))));
    QVERIFY(m_events->append(makeEvent(kNow + 4, QStringLiteral("192.0.2.1"), QStringLiteral("unblock"))));
    // Oldest first, failures and unblocks only (what rebuilds the limiter's windows).
    const auto events = m_events->windowEventsSince(kNow);
    QVERIFY(events.has_value());
    QCOMPARE(times(*events), (QList<qint64>{1, 3, 4}));
}

void StorageRateLimitEventsTest::purge()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_events->append(makeEvent(kNow + i, QStringLiteral("192.0.2.1"))));
    QCOMPARE(m_events->purge(kNow + 2), 2);
    QCOMPARE(times(m_events->recent(0, 100)), (QList<qint64>{4, 3, 2}));
    QCOMPARE(m_events->purge(kNow), 0);
}

QTEST_GUILESS_MAIN(StorageRateLimitEventsTest)
#include "storage_ratelimitevents.moc"
