#include "storage/accountrepository.h"
#include "storage/database.h"
#include "storage/sessionrepository.h"
#include "tests/testsupport/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kNow = 1'700'000'000'000;
constexpr qint64 kHour = 3'600'000;

QStringList sorted(std::vector<QString> ids)
{
    QStringList list(ids.begin(), ids.end());
    list.sort();
    return list;
}

QStringList liveIds(SessionRepository& sessions, qint64 nowMs)
{
    QStringList ids;
    for (const SessionRecord& session : sessions.live(nowMs))
        ids.append(session.id);
    ids.sort();
    return ids;
}

SessionRecord makeSession(const QString& id, qint64 accountId, qint64 expiresAtMs)
{
    SessionRecord session;
    session.id = id;
    session.accountId = accountId;
    session.dialect = QStringLiteral("rest");
    session.clientIp = QStringLiteral("192.0.2.7");
    session.userAgent = QStringLiteral("curl/7.88");
    session.createdAtMs = kNow;
    session.expiresAtMs = expiresAtMs;
    session.lastSeenAtMs = kNow;
    return session;
}

} // namespace

class StorageSessionsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void insertAndRead();
    void duplicateIdFails();
    void liveExcludesRevokedAndExpired();
    void revokeKeepsFirstTime();
    void revokeAllOf_data();
    void revokeAllOf();
    void revokeAllInTransaction();
    void refreshHash();
    void touchBatch();
    void purge();

private:
    bool addSession(const QString& id, qint64 accountId, qint64 expiresAtMs = kNow + kHour);

    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<SessionRepository> m_sessions;
    qint64 m_alice = 0;
    qint64 m_bob = 0;
};

void StorageSessionsTest::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ready(), qPrintable(m_db->error()));
    m_sessions = std::make_unique<SessionRepository>(m_db->database());
    AccountRepository accounts(m_db->database());
    m_alice = accounts.insert({0, QStringLiteral("alice"), {}, {}, QStringLiteral("admin"), {}, false, kNow, kNow});
    m_bob = accounts.insert({0, QStringLiteral("bob"), {}, {}, QStringLiteral("viewer"), {}, false, kNow, kNow});
    QVERIFY(m_alice > 0 && m_bob > 0);
}

void StorageSessionsTest::cleanup()
{
    m_sessions.reset();
    m_db.reset();
}

bool StorageSessionsTest::addSession(const QString& id, qint64 accountId, qint64 expiresAtMs)
{
    return m_sessions->insert(makeSession(id, accountId, expiresAtMs));
}

void StorageSessionsTest::insertAndRead()
{
    const SessionRecord session = makeSession(QStringLiteral("abc_-123"), m_alice, kNow + kHour);
    QVERIFY(m_sessions->insert(session));
    const std::optional<SessionRecord> read = m_sessions->byId(session.id);
    QVERIFY(read);
    QCOMPARE(read->id, session.id);
    QCOMPARE(read->accountId, m_alice);
    QCOMPARE(read->dialect, session.dialect);
    QCOMPARE(read->clientIp, session.clientIp);
    QCOMPARE(read->userAgent, session.userAgent);
    QCOMPARE(read->createdAtMs, session.createdAtMs);
    QCOMPARE(read->expiresAtMs, session.expiresAtMs);
    QCOMPARE(read->lastSeenAtMs, session.lastSeenAtMs);
    QCOMPARE(read->revokedAtMs, 0);
    QVERIFY(read->refreshHash.isEmpty());
    QVERIFY(!m_sessions->byId(QStringLiteral("unknown")));
}

void StorageSessionsTest::duplicateIdFails()
{
    QVERIFY(addSession(QStringLiteral("s1"), m_alice));
    SessionRecord again;
    again.id = QStringLiteral("s1");
    again.accountId = m_bob;
    again.dialect = QStringLiteral("flex");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sessions.insert failed")));
    QVERIFY(!m_sessions->insert(again));
    QCOMPARE(m_sessions->byId(QStringLiteral("s1"))->accountId, m_alice);
}

void StorageSessionsTest::liveExcludesRevokedAndExpired()
{
    QVERIFY(addSession(QStringLiteral("live"), m_alice));
    QVERIFY(addSession(QStringLiteral("expired"), m_alice, kNow - 1));
    QVERIFY(addSession(QStringLiteral("expires-now"), m_alice, kNow));
    QVERIFY(addSession(QStringLiteral("revoked"), m_bob));
    QVERIFY(m_sessions->revoke(QStringLiteral("revoked"), kNow - 10));
    QCOMPARE(liveIds(*m_sessions, kNow), QStringList{QStringLiteral("live")});
    QCOMPARE(liveIds(*m_sessions, kNow - 5),
             (QStringList{QStringLiteral("expired"), QStringLiteral("expires-now"), QStringLiteral("live")}));
}

void StorageSessionsTest::revokeKeepsFirstTime()
{
    QVERIFY(addSession(QStringLiteral("s1"), m_alice));
    QVERIFY(m_sessions->revoke(QStringLiteral("s1"), kNow + 1));
    QVERIFY(m_sessions->revoke(QStringLiteral("s1"), kNow + 2));
    QCOMPARE(m_sessions->byId(QStringLiteral("s1"))->revokedAtMs, kNow + 1);
    QVERIFY(!m_sessions->revoke(QStringLiteral("unknown"), kNow));
}

void StorageSessionsTest::revokeAllOf_data()
{
    QTest::addColumn<QString>("exceptId");
    QTest::addColumn<QStringList>("revoked");
    QTest::newRow("all") << QString() << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")};
    QTest::newRow("except current") << QStringLiteral("a2") << QStringList{QStringLiteral("a1"), QStringLiteral("a3")};
    QTest::newRow("except unknown") << QStringLiteral("zz")
                                    << QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")};
}

void StorageSessionsTest::revokeAllOf()
{
    QFETCH(QString, exceptId);
    QFETCH(QStringList, revoked);
    for (const char* id : {"a1", "a2", "a3"})
        QVERIFY(addSession(QLatin1String(id), m_alice));
    QVERIFY(addSession(QStringLiteral("a-expired"), m_alice, kNow - 1));
    QVERIFY(addSession(QStringLiteral("a-revoked"), m_alice));
    QVERIFY(m_sessions->revoke(QStringLiteral("a-revoked"), kNow - 1));
    QVERIFY(addSession(QStringLiteral("b1"), m_bob));

    QCOMPARE(sorted(m_sessions->revokeAllOf(m_alice, kNow, exceptId).value()), revoked);
    for (const QString& id : revoked)
        QCOMPARE(m_sessions->byId(id)->revokedAtMs, kNow);
    QCOMPARE(m_sessions->byId(QStringLiteral("a-revoked"))->revokedAtMs, kNow - 1);
    QCOMPARE(m_sessions->byId(QStringLiteral("b1"))->revokedAtMs, 0);
    QVERIFY(m_sessions->revokeAllOf(m_alice, kNow + 1, exceptId).value().empty());
}

void StorageSessionsTest::revokeAllInTransaction()
{
    QVERIFY(addSession(QStringLiteral("a1"), m_alice));
    QVERIFY(addSession(QStringLiteral("b1"), m_bob));
    std::vector<QString> ids;
    QVERIFY(m_db->database().transaction([&](QSqlDatabase& db) {
        ids = SessionRepository::revokeAll(db, kNow).value();
        return ids.size() == 2;
    }));
    QCOMPARE(sorted(ids), (QStringList{QStringLiteral("a1"), QStringLiteral("b1")}));
    QVERIFY(m_sessions->live(kNow - 1).empty());
    QVERIFY(m_sessions->revokeAll(kNow).value().empty());

    QVERIFY(addSession(QStringLiteral("a2"), m_alice));
    QVERIFY(!m_db->database().transaction([&](QSqlDatabase& db) {
        return SessionRepository::revokeAllOf(db, m_alice, kNow).value().size() == 1 && false; // roll back
    }));
    QCOMPARE(m_sessions->byId(QStringLiteral("a2"))->revokedAtMs, 0);
    QCOMPARE(m_sessions->revokeAll(kNow).value(), std::vector<QString>{QStringLiteral("a2")});
}

void StorageSessionsTest::refreshHash()
{
    QVERIFY(addSession(QStringLiteral("s1"), m_alice));
    const QByteArray hash(32, '\xab');
    QVERIFY(m_sessions->setRefreshHash(QStringLiteral("s1"), hash, kNow + 2 * kHour));
    SessionRecord read = *m_sessions->byId(QStringLiteral("s1"));
    QCOMPARE(read.refreshHash, hash);
    QCOMPARE(read.expiresAtMs, kNow + 2 * kHour);
    const QByteArray rotated(32, '\x01');
    QVERIFY(m_sessions->setRefreshHash(QStringLiteral("s1"), rotated, kNow + 3 * kHour));
    QCOMPARE(m_sessions->byId(QStringLiteral("s1"))->refreshHash, rotated);

    QVERIFY(m_sessions->revoke(QStringLiteral("s1"), kNow));
    QVERIFY(!m_sessions->setRefreshHash(QStringLiteral("s1"), hash, kNow + 4 * kHour));
    QCOMPARE(m_sessions->byId(QStringLiteral("s1"))->refreshHash, rotated);
    QVERIFY(!m_sessions->setRefreshHash(QStringLiteral("unknown"), hash, kNow));
}

void StorageSessionsTest::touchBatch()
{
    QVERIFY(addSession(QStringLiteral("s1"), m_alice));
    QVERIFY(addSession(QStringLiteral("s2"), m_bob));
    QVERIFY(m_sessions->touch({}));
    QVERIFY(m_sessions->touch(
        {{QStringLiteral("s1"), kNow + 10}, {QStringLiteral("s2"), kNow + 20}, {QStringLiteral("gone"), kNow + 30}}));
    QCOMPARE(m_sessions->byId(QStringLiteral("s1"))->lastSeenAtMs, kNow + 10);
    QCOMPARE(m_sessions->byId(QStringLiteral("s2"))->lastSeenAtMs, kNow + 20);
    // An older time never moves last-seen backwards.
    QVERIFY(m_sessions->touch({{QStringLiteral("s1"), kNow + 5}}));
    QCOMPARE(m_sessions->byId(QStringLiteral("s1"))->lastSeenAtMs, kNow + 10);
}

void StorageSessionsTest::purge()
{
    QVERIFY(addSession(QStringLiteral("live"), m_alice));
    QVERIFY(addSession(QStringLiteral("expired-long-ago"), m_alice, kNow - 2 * kHour));
    QVERIFY(addSession(QStringLiteral("expired-recently"), m_alice, kNow - 1));
    QVERIFY(addSession(QStringLiteral("revoked-long-ago"), m_bob));
    QVERIFY(addSession(QStringLiteral("revoked-recently"), m_bob));
    QVERIFY(m_sessions->revoke(QStringLiteral("revoked-long-ago"), kNow - 2 * kHour));
    QVERIFY(m_sessions->revoke(QStringLiteral("revoked-recently"), kNow - 1));

    QCOMPARE(m_sessions->purge(kNow - kHour), 2);
    QVERIFY(!m_sessions->byId(QStringLiteral("expired-long-ago")));
    QVERIFY(!m_sessions->byId(QStringLiteral("revoked-long-ago")));
    QVERIFY(m_sessions->byId(QStringLiteral("expired-recently")));
    QVERIFY(m_sessions->byId(QStringLiteral("revoked-recently")));
    QCOMPARE(m_sessions->purge(kNow), 2);
    QCOMPARE(m_sessions->purge(kNow), 0);
    QVERIFY(m_sessions->byId(QStringLiteral("live")));
}

QTEST_GUILESS_MAIN(StorageSessionsTest)
#include "storage_sessions.moc"
