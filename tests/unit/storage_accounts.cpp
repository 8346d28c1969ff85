#include "storage/accountrepository.h"
#include "storage/database.h"
#include "storage/sessionrepository.h"
#include "tests/testsupport/tempdatabase.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

AccountRecord makeAccount(const QString& username, const QString& role = QStringLiteral("operator"))
{
    AccountRecord account;
    account.username = username;
    account.firstname = QStringLiteral("First");
    account.lastname = QStringLiteral("Last");
    account.role = role;
    account.passwordHash = QByteArrayLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");
    account.createdAtMs = 1'700'000'000'000;
    account.updatedAtMs = 1'700'000'000'000;
    return account;
}

void compareAccounts(const AccountRecord& actual, const AccountRecord& expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.username, expected.username);
    QCOMPARE(actual.firstname, expected.firstname);
    QCOMPARE(actual.lastname, expected.lastname);
    QCOMPARE(actual.role, expected.role);
    QCOMPARE(actual.passwordHash, expected.passwordHash);
    QCOMPARE(actual.disabled, expected.disabled);
    QCOMPARE(actual.createdAtMs, expected.createdAtMs);
    QCOMPARE(actual.updatedAtMs, expected.updatedAtMs);
}

} // namespace

class StorageAccountsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void insertAndRead_data();
    void insertAndRead();
    void duplicateUsernameReturnsZero();
    void allInIdOrder();
    void update();
    void updateToTakenUsernameFails();
    void setPasswordHash();
    void setPasswordHashInTransaction_data();
    void setPasswordHashInTransaction();
    void removeCascadesToSessions();
    void unknownIds();

private:
    std::unique_ptr<TempDatabase> m_db;
    std::unique_ptr<AccountRepository> m_accounts;
};

void StorageAccountsTest::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_db = std::make_unique<TempDatabase>();
    QVERIFY2(m_db->ready(), qPrintable(m_db->error()));
    m_accounts = std::make_unique<AccountRepository>(m_db->database());
}

void StorageAccountsTest::cleanup()
{
    m_accounts.reset();
    m_db.reset();
}

void StorageAccountsTest::insertAndRead_data()
{
    QTest::addColumn<AccountRecord>("account");
    QTest::newRow("full") << makeAccount(QStringLiteral("alice"));
    AccountRecord bare;
    bare.username = QStringLiteral("bob");
    bare.role = QStringLiteral("viewer");
    QTest::newRow("no names, no password") << bare;
    AccountRecord disabled = makeAccount(QStringLiteral("chloé"), QStringLiteral("admin"));
    disabled.disabled = true;
    QTest::newRow("disabled, non-ASCII") << disabled;
}

void StorageAccountsTest::insertAndRead()
{
    QFETCH(AccountRecord, account);
    account.id = m_accounts->insert(account);
    QVERIFY(account.id > 0);
    const std::optional<AccountRecord> byId = m_accounts->byId(account.id);
    QVERIFY(byId);
    compareAccounts(*byId, account);
    const std::optional<AccountRecord> byName = m_accounts->byUsername(account.username);
    QVERIFY(byName);
    compareAccounts(*byName, account);
}

void StorageAccountsTest::duplicateUsernameReturnsZero()
{
    QVERIFY(m_accounts->insert(makeAccount(QStringLiteral("alice"))) > 0);
    QCOMPARE(m_accounts->insert(makeAccount(QStringLiteral("alice"), QStringLiteral("admin"))), 0);
    QCOMPARE(m_accounts->all().size(), 1u);
    QCOMPARE(m_accounts->byUsername(QStringLiteral("alice"))->role, QStringLiteral("operator"));
}

void StorageAccountsTest::allInIdOrder()
{
    QVERIFY(m_accounts->all().empty());
    const qint64 first = m_accounts->insert(makeAccount(QStringLiteral("zed")));
    const qint64 second = m_accounts->insert(makeAccount(QStringLiteral("amy")));
    const std::vector<AccountRecord> all = m_accounts->all();
    QCOMPARE(all.size(), 2u);
    QCOMPARE(all[0].id, first);
    QCOMPARE(all[1].id, second);
    QCOMPARE(all[1].username, QStringLiteral("amy"));
}

void StorageAccountsTest::update()
{
    AccountRecord account = makeAccount(QStringLiteral("alice"));
    account.id = m_accounts->insert(account);
    account.username = QStringLiteral("alice2");
    account.firstname = QStringLiteral("Alicia");
    account.lastname.clear();
    account.role = QStringLiteral("admin");
    account.passwordHash.clear();
    account.disabled = true;
    account.updatedAtMs += 5000;
    QVERIFY(m_accounts->update(account));
    compareAccounts(*m_accounts->byId(account.id), account);
    QVERIFY(!m_accounts->byUsername(QStringLiteral("alice")));
}

void StorageAccountsTest::updateToTakenUsernameFails()
{
    m_accounts->insert(makeAccount(QStringLiteral("alice")));
    AccountRecord bob = makeAccount(QStringLiteral("bob"));
    bob.id = m_accounts->insert(bob);
    bob.username = QStringLiteral("alice");
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("accounts.update failed: .*unique"),
                                            QRegularExpression::CaseInsensitiveOption));
    QVERIFY(!m_accounts->update(bob));
    QCOMPARE(m_accounts->byId(bob.id)->username, QStringLiteral("bob"));
}

void StorageAccountsTest::setPasswordHash()
{
    const qint64 id = m_accounts->insert(makeAccount(QStringLiteral("alice")));
    const QByteArray hash = QByteArrayLiteral("$2b$12$abcdefghijklmnopqrstuuJ2h5fJ3Jq0H8u2k8bUo2tq6d6Z0m1yW");
    QVERIFY(m_accounts->setPasswordHash(id, hash, 1'800'000'000'000));
    const AccountRecord account = *m_accounts->byId(id);
    QCOMPARE(account.passwordHash, hash);
    QCOMPARE(account.updatedAtMs, 1'800'000'000'000);
    QVERIFY(m_accounts->setPasswordHash(id, {}, 1'800'000'000'001));
    QVERIFY(m_accounts->byId(id)->passwordHash.isEmpty());
}

void StorageAccountsTest::setPasswordHashInTransaction_data()
{
    QTest::addColumn<bool>("commit");
    QTest::newRow("commit") << true;
    QTest::newRow("rollback") << false;
}

void StorageAccountsTest::setPasswordHashInTransaction()
{
    QFETCH(bool, commit);
    const AccountRecord original = makeAccount(QStringLiteral("alice"));
    const qint64 id = m_accounts->insert(original);
    const QByteArray hash = QByteArrayLiteral("new-hash");
    QCOMPARE(m_db->database().transaction([&](QSqlDatabase& db) {
        return AccountRepository::setPasswordHash(db, id, hash, 1'800'000'000'000) && commit;
    }),
             commit);
    QCOMPARE(m_accounts->byId(id)->passwordHash, commit ? hash : original.passwordHash);
}

void StorageAccountsTest::removeCascadesToSessions()
{
    const qint64 id = m_accounts->insert(makeAccount(QStringLiteral("alice")));
    SessionRepository sessions(m_db->database());
    SessionRecord session;
    session.id = QStringLiteral("s1");
    session.accountId = id;
    session.dialect = QStringLiteral("rest");
    session.createdAtMs = 1000;
    session.expiresAtMs = 2000;
    QVERIFY(sessions.insert(session));
    QVERIFY(m_accounts->remove(id));
    QVERIFY(!m_accounts->byId(id));
    QVERIFY(!sessions.byId(QStringLiteral("s1")));
}

void StorageAccountsTest::unknownIds()
{
    AccountRecord ghost = makeAccount(QStringLiteral("ghost"));
    ghost.id = 4242;
    QVERIFY(!m_accounts->byId(ghost.id));
    QVERIFY(!m_accounts->byUsername(QStringLiteral("ghost")));
    QVERIFY(!m_accounts->update(ghost));
    QVERIFY(!m_accounts->setPasswordHash(ghost.id, QByteArrayLiteral("x"), 1));
    QVERIFY(!m_accounts->remove(ghost.id));
}

QTEST_GUILESS_MAIN(StorageAccountsTest)
#include "storage_accounts.moc"
