// The limiter's two mechanisms against a MockClock: the failure window with its lockout
// and Retry-After (attempts in progress holding places in it), and the per-IP token bucket.
// Real SQLite underneath for the log: what must survive a crash is in it at once, what a
// flood adds while locked is tallied.

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
    void attemptsInProgressHoldPlaces();
    void waitingAttemptsRefusedOnceLocked();
    void failuresCommittedAtOnce();
    void attemptsWhileLockedTallied();

private:
    struct Decision
    {
        bool made = false;
        std::optional<int> refusedFor; // nullopt = admitted
        bool admitted() const { return made && !refusedFor; }
    };
    // Asks for an attempt's place; the decision, once it is made.
    std::shared_ptr<Decision> admit(RateLimiter& l, const QString& ip);
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
    QCOMPARE(kinds,
             (QStringList{QStringLiteral("failure"), QStringLiteral("failure"), QStringLiteral("lockout"),
                          QStringLiteral("locked"), QStringLiteral("throttled")}));
}

std::shared_ptr<CoreRateLimiterTest::Decision> CoreRateLimiterTest::admit(RateLimiter& l, const QString& ip)
{
    auto decision = std::make_shared<Decision>();
    l.admitAttempt(ip, QStringLiteral("rest"), QStringLiteral("admin"), [decision](std::optional<int> refusedFor) {
        *decision = Decision{true, refusedFor};
    });
    return decision;
}

void CoreRateLimiterTest::attemptsInProgressHoldPlaces()
{
    RateLimiter& l = limiter({2, 900, 0, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    const auto first = admit(l, ip);
    const auto second = admit(l, ip);
    const auto third = admit(l, ip);
    QVERIFY(first->admitted() && second->admitted());
    QVERIFY(!third->made);                                      // waits: two checks in progress fill the window
    QVERIFY(admit(l, QStringLiteral("192.0.2.2"))->admitted()); // per IP
    l.recordFailure(ip, {}, {}, {});
    l.finishAttempt(ip);
    QVERIFY(!third->made); // one failure and one check in progress: still full
    l.finishAttempt(ip);   // the second one succeeded: its place is free
    QVERIFY(third->admitted());
    QVERIFY(!l.lockedFor(ip));
}

void CoreRateLimiterTest::waitingAttemptsRefusedOnceLocked()
{
    RateLimiter& l = limiter({2, 900, 0, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    admit(l, ip);
    admit(l, ip);
    const auto waiting = admit(l, ip);
    for (int i = 0; i < 2; ++i) {
        l.recordFailure(ip, {}, {}, {});
        l.finishAttempt(ip);
    }
    QVERIFY(waiting->made);
    QCOMPARE(waiting->refusedFor, std::optional<int>(900));
    const auto later = admit(l, ip); // refused at once
    QVERIFY(later->made);
    QCOMPARE(later->refusedFor, std::optional<int>(900));
}

void CoreRateLimiterTest::failuresCommittedAtOnce()
{
    RateLimiter& l = limiter({2, 900, 0, 60});
    QVERIFY(l.recordFailure(QStringLiteral("192.0.2.1"), {}, {}, QStringLiteral("wrong")));
    QVERIFY(l.recordFailure(QStringLiteral("192.0.2.1"), {}, {}, QStringLiteral("wrong")));
    // Read without a flush, as a restart after a crash would.
    const auto window = m_events->windowEventsSince(0);
    QVERIFY(window);
    QCOMPARE(window->size(), size_t(2));
    QCOMPARE(m_events->recent(0, 10).size(), size_t(3)); // and the lockout
}

void CoreRateLimiterTest::attemptsWhileLockedTallied()
{
    RateLimiter& l = limiter({2, 900, 0, 60});
    const QString ip = QStringLiteral("192.0.2.1");
    l.recordFailure(ip, QStringLiteral("rest"), {}, QStringLiteral("unknown API token"));
    l.recordFailure(ip, QStringLiteral("rest"), {}, QStringLiteral("unknown API token"));
    for (int i = 0; i < 3000; ++i)
        l.recordFailure(ip, QStringLiteral("rest"), {}, QStringLiteral("unknown API token"));
    for (int i = 0; i < 40; ++i)
        admit(l, ip);
    l.recordLockedAttempt(QStringLiteral("192.0.2.2"), QStringLiteral("flex"), QStringLiteral("admin"));
    QCOMPARE(l.lockedFor(ip), std::optional<int>(900)); // the tallied failures do not extend it
    l.flush();
    QStringList rows;
    for (const auto& event : m_events->recent(0, 100))
        rows.prepend(event.clientIp + u' ' + event.kind + u' ' + event.detail);
    QCOMPARE(rows,
             (QStringList{QStringLiteral("192.0.2.1 failure unknown API token"),
                          QStringLiteral("192.0.2.1 failure unknown API token"),
                          QStringLiteral("192.0.2.1 lockout 2 failures within 900 s"),
                          QStringLiteral("192.0.2.1 locked 3000 times: unknown API token"),
                          QStringLiteral("192.0.2.1 locked 40 times: attempt refused while locked (429)"),
                          QStringLiteral("192.0.2.2 locked attempt refused while locked (429)")}));
}

QTEST_GUILESS_MAIN(CoreRateLimiterTest)
#include "core_ratelimiter.moc"
