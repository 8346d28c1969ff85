// The limiter's two mechanisms against a MockClock: the failure window with its lockout
// and Retry-After, and the per-IP token bucket. Real SQLite underneath for the log.

#include "core/clock.h"
#include "core/ratelimiter.h"
#include "storage/database.h"
#include "storage/ratelimiteventrepository.h"

#include <QTemporaryDir>
#include <QTest>

class CoreRateLimiterTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void locksAtMaxFailuresUntilOldestLeavesWindow();
    void retryAfterCountsFromOldestFailure();
    void zeroMaxAttemptsNeverLocks();
    void unblockLiftsLockout();
    void lockoutSurvivesRestart();
    void bucketAllowsBurstThenRefills();
    void bucketsArePerIp();
    void eventsAreLogged();

private:
    RateLimiter& limiter(RateLimitSettings settings = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RateLimitEventRepository> m_events;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<RateLimiter> m_limiter;
};

void CoreRateLimiterTest::init()
{
    m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("limiter.db")));
    QString error;
    QVERIFY2(m_database->migrate(&error), qPrintable(error));
    m_events = std::make_unique<RateLimitEventRepository>(*m_database);
    m_clock = std::make_unique<MockClock>(1'800'000'000'000);
}

void CoreRateLimiterTest::cleanup()
{
    m_limiter.reset();
    m_events.reset();
    m_database.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("limiter.db")));
}

RateLimiter& CoreRateLimiterTest::limiter(RateLimitSettings settings)
{
    m_limiter = std::make_unique<RateLimiter>(settings, *m_events, *m_clock);
    return *m_limiter;
}

void CoreRateLimiterTest::locksAtMaxFailuresUntilOldestLeavesWindow()
{
    RateLimiter& l = limiter({5, 900, 0, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    for (int i = 0; i < 4; ++i) {
        l.recordFailure(ip, QStringLiteral("flex"), QStringLiteral("admin"), QStringLiteral("wrong"));
        QVERIFY(!l.lockedFor(ip));
    }
    l.recordFailure(ip, QStringLiteral("flex"), QStringLiteral("admin"), QStringLiteral("wrong"));
    QCOMPARE(l.lockedFor(ip), std::optional<int>(900));
    m_clock->advanceSecs(899);
    QCOMPARE(l.lockedFor(ip), std::optional<int>(1));
    m_clock->advanceSecs(1);
    QVERIFY(!l.lockedFor(ip));
    QVERIFY(!l.lockedFor(QStringLiteral("192.0.2.2")));
}

void CoreRateLimiterTest::retryAfterCountsFromOldestFailure()
{
    RateLimiter& l = limiter({3, 600, 0, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    l.recordFailure(ip, {}, {}, {});
    m_clock->advanceSecs(100);
    l.recordFailure(ip, {}, {}, {});
    m_clock->advanceSecs(100);
    l.recordFailure(ip, {}, {}, {});
    QCOMPARE(l.lockedFor(ip), std::optional<int>(400)); // the oldest leaves at t=600
}

void CoreRateLimiterTest::zeroMaxAttemptsNeverLocks()
{
    RateLimiter& l = limiter({0, 900, 0, 60});
    for (int i = 0; i < 50; ++i)
        l.recordFailure(QStringLiteral("192.0.2.1"), {}, {}, {});
    QVERIFY(!l.lockedFor(QStringLiteral("192.0.2.1")));
}

void CoreRateLimiterTest::unblockLiftsLockout()
{
    RateLimiter& l = limiter({2, 900, 0, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    l.recordFailure(ip, {}, {}, {});
    l.recordFailure(ip, {}, {}, {});
    QCOMPARE(l.lockedIps(), QStringList{ip});
    QVERIFY(l.unblock(ip, QStringLiteral("operator")));
    QVERIFY(!l.lockedFor(ip));
    QVERIFY(l.lockedIps().isEmpty());
}

void CoreRateLimiterTest::lockoutSurvivesRestart()
{
    {
        RateLimiter& l = limiter({2, 900, 0, 60});
        l.recordFailure(QStringLiteral("192.0.2.9"), {}, {}, {});
        m_clock->advanceSecs(10);
        l.recordFailure(QStringLiteral("192.0.2.9"), {}, {}, {});
        l.flush();
    }
    RateLimiter& restarted = limiter({2, 900, 0, 60});
    restarted.restore();
    QCOMPARE(restarted.lockedFor(QStringLiteral("192.0.2.9")), std::optional<int>(890));
}

void CoreRateLimiterTest::bucketAllowsBurstThenRefills()
{
    RateLimiter& l = limiter({5, 900, 20, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    for (int i = 0; i < 60; ++i)
        QVERIFY2(l.allowRequest(ip), qPrintable(QString::number(i)));
    QVERIFY(!l.allowRequest(ip));
    m_clock->advanceSecs(1);
    for (int i = 0; i < 20; ++i)
        QVERIFY(l.allowRequest(ip));
    QVERIFY(!l.allowRequest(ip));
}

void CoreRateLimiterTest::bucketsArePerIp()
{
    RateLimiter& l = limiter({5, 900, 1, 2});
    QVERIFY(l.allowRequest(QStringLiteral("192.0.2.1")));
    QVERIFY(l.allowRequest(QStringLiteral("192.0.2.1")));
    QVERIFY(!l.allowRequest(QStringLiteral("192.0.2.1")));
    QVERIFY(l.allowRequest(QStringLiteral("192.0.2.2")));
}

void CoreRateLimiterTest::eventsAreLogged()
{
    RateLimiter& l = limiter({2, 900, 1, 1});
    const QString ip = QStringLiteral("192.0.2.1");
    l.recordFailure(ip, QStringLiteral("flex"), QStringLiteral("admin"), QStringLiteral("wrong password"));
    l.recordFailure(ip, QStringLiteral("flex"), QStringLiteral("admin"), QStringLiteral("wrong password"));
    l.recordLockedAttempt(ip, QStringLiteral("flex"), QStringLiteral("admin"));
    QVERIFY(l.allowRequest(ip));
    QVERIFY(!l.allowRequest(ip));
    QVERIFY(!l.allowRequest(ip)); // same throttling episode: one log row
    l.flush();
    QStringList kinds;
    for (const auto& event : m_events->recent(0, 100))
        kinds.prepend(event.kind);
    QCOMPARE(kinds, (QStringList{QStringLiteral("failure"), QStringLiteral("failure"), QStringLiteral("lockout"),
                                 QStringLiteral("locked"), QStringLiteral("throttled")}));
}

QTEST_GUILESS_MAIN(CoreRateLimiterTest)
#include "core_ratelimiter.moc"
