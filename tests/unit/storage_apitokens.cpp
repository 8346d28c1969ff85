#include "storage/accountrepository.h"
#include "storage/apitokenrepository.h"
#include "storage/database.h"
#include "tests/testsupport/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

ApiTokenRecord makeToken(const QString& name, qint64 createdBy, const QByteArray& hash)
{
    ApiTokenRecord token;
    token.name = name;
    token.tokenHash = hash;
    token.hint = QStringLiteral("gatehouse_\u2026abcd");
    token.permissions = {QStringLiteral("page:read"), QStringLiteral("redirect:read")};
    token.createdBy = createdBy;
    token.createdAtMs = kNow;
    return token;
}

} // namespace

// The api_tokens table: only hashes and hints, revocation, batched last use, and the
// tokens of a removed account going with it.
class StorageApiTokensTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void insertAndReadBack();
    void hashesAreUnique();
    void revokeOnce();
    void recordUseNeverMovesBackwards();
    void tokensGoWithTheirAccount();

private:
    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<ApiTokenRepository> m_tokens;
    qint64 m_alice = 0;
};

void StorageApiTokensTest::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ready(), qPrintable(m_db->error()));
    m_tokens = std::make_unique<ApiTokenRepository>(m_db->database());
    AccountRepository accounts(m_db->database());
    m_alice = accounts.insert({0, QStringLiteral("alice"), {}, {}, QStringLiteral("admin"), {}, false, kNow, kNow});
    QVERIFY(m_alice > 0);
}

void StorageApiTokensTest::cleanup()
{
    m_tokens.reset();
    m_db.reset();
}

void StorageApiTokensTest::insertAndReadBack()
{
    ApiTokenRecord token = makeToken(QStringLiteral("agent"), m_alice, QByteArray(32, 'h'));
    token.expiresAtMs = kNow + 1000;
    const auto id = m_tokens->insert(token);
    QVERIFY(id && *id > 0);
    const auto all = m_tokens->all();
    QVERIFY(all);
    QCOMPARE(all->size(), size_t(1));
    const ApiTokenRecord& read = all->front();
    QCOMPARE(read.id, *id);
    QCOMPARE(read.name, token.name);
    QCOMPARE(read.tokenHash, token.tokenHash);
    QCOMPARE(read.hint, token.hint);
    QCOMPARE(read.permissions, token.permissions);
    QCOMPARE(read.createdBy, m_alice);
    QCOMPARE(read.expiresAtMs, kNow + 1000);
    QCOMPARE(read.lastUsedAtMs, 0);
    QCOMPARE(read.revokedAtMs, 0);
    QVERIFY(read.liveAt(kNow));
    QVERIFY(!read.liveAt(kNow + 1000));
}

void StorageApiTokensTest::hashesAreUnique()
{
    QVERIFY(m_tokens->insert(makeToken(QStringLiteral("one"), m_alice, QByteArray(32, 'x'))));
    QTest::failOnWarning(QRegularExpression()); // the refused insert is logged, as it should be
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("api_tokens.insert")));
    QVERIFY(!m_tokens->insert(makeToken(QStringLiteral("two"), m_alice, QByteArray(32, 'x'))));
}

void StorageApiTokensTest::revokeOnce()
{
    const auto id = m_tokens->insert(makeToken(QStringLiteral("agent"), m_alice, QByteArray(32, 'r')));
    QVERIFY(id);
    QVERIFY(m_tokens->revoke(*id, kNow + 5));
    QVERIFY(!m_tokens->revoke(*id, kNow + 9)); // already revoked: the first time stays
    QVERIFY(!m_tokens->revoke(*id + 100, kNow));
    const auto all = m_tokens->all();
    QVERIFY(all);
    QCOMPARE(all->front().revokedAtMs, kNow + 5);
    QVERIFY(!all->front().liveAt(kNow + 6));
}

void StorageApiTokensTest::recordUseNeverMovesBackwards()
{
    const auto id = m_tokens->insert(makeToken(QStringLiteral("agent"), m_alice, QByteArray(32, 'u')));
    QVERIFY(id);
    QVERIFY(m_tokens->recordUse({{*id, kNow + 20, QStringLiteral("192.0.2.1")}}));
    QVERIFY(m_tokens->recordUse({{*id, kNow + 10, QStringLiteral("192.0.2.2")}}));
    QVERIFY(m_tokens->recordUse({}));
    const auto all = m_tokens->all();
    QVERIFY(all);
    QCOMPARE(all->front().lastUsedAtMs, kNow + 20);
    QCOMPARE(all->front().lastUsedIp, QStringLiteral("192.0.2.1"));
}

void StorageApiTokensTest::tokensGoWithTheirAccount()
{
    QVERIFY(m_tokens->insert(makeToken(QStringLiteral("agent"), m_alice, QByteArray(32, 'g'))));
    AccountRepository accounts(m_db->database());
    QVERIFY(accounts.remove(m_alice));
    const auto all = m_tokens->all();
    QVERIFY(all);
    QVERIFY(all->empty());
}

QTEST_GUILESS_MAIN(StorageApiTokensTest)
#include "storage_apitokens.moc"
