// Issue 11, finding 4: with the data directory full, POST /api/tokens answered 201 with a
// secret that was never stored (SQLite hands out an INSERT ... RETURNING row before its
// implicit transaction commits, and the commit then failed). Every write a client is told
// about is committed first, or the answer is 503 + Retry-After and nothing changed — in
// memory as on disk, as a restart shows. The disk is made full by FullDisk (every SQLite
// write fails with SQLITE_FULL, as on ENOSPC), under a real server on an ephemeral port.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/fulldisk.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>

#include <memory>

namespace {

const QString Admin = QStringLiteral("admin");
const QStringList UsersRead{QStringLiteral("users:read")};

} // namespace

// Storage could not commit: 503 `unavailable` with Retry-After: 5 (docs/API.md).
#define EXPECT_UNAVAILABLE(response)                                                                                   \
    do {                                                                                                               \
        const auto& unavailable_ = (response);                                                                         \
        EXPECT_REST_ERROR(unavailable_, 503, QStringLiteral("unavailable"));                                           \
        QCOMPARE(unavailable_.header("Retry-After").trimmed(), QByteArray("5"));                                       \
    } while (false)

class SecurityDiskFullTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tokenCreationRefused();
    void userWritesRefused();
    void sessionWritesRefused();
    void failedLoginsRefusedButCounted();
    void unblockRefused();

private:
    QStringList usernames(const RequestHeaders& auth);
    QJsonArray tokens();

    std::unique_ptr<RestFixture> m_fx;
    RequestHeaders m_admin; // a bearer token from before the disk filled
};

void SecurityDiskFullTest::initTestCase()
{
    FullDisk::install();
}

void SecurityDiskFullTest::init()
{
    m_fx = std::make_unique<RestFixture>([](Config& config) { config.plainHttp = true; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
    m_admin = RestClient::bearer(m_fx->rest.loginPair(Admin, TestPasswords::first()).access);
}

void SecurityDiskFullTest::cleanup()
{
    FullDisk::setFull(false);
    m_fx.reset();
}

QStringList SecurityDiskFullTest::usernames(const RequestHeaders& auth)
{
    QStringList names;
    for (const QJsonValue& user : m_fx->rest.listUsers(auth).object().value(QStringLiteral("users")).toArray())
        names.append(user.toObject().value(QStringLiteral("username")).toString());
    return names;
}

QJsonArray SecurityDiskFullTest::tokens()
{
    return TokenApi::list(m_fx->rest, m_admin).object().value(QStringLiteral("tokens")).toArray();
}

void SecurityDiskFullTest::tokenCreationRefused()
{
    const TokenApi::Created before = TokenApi::create(m_fx->rest, m_admin, QStringLiteral("before"), UsersRead);
    QVERIFY(before.ok());
    {
        FullDisk::Scope full;
        const HttpResponse refused =
            TokenApi::createRaw(m_fx->rest, m_admin, TokenApi::body(QStringLiteral("phantom"), UsersRead));
        EXPECT_UNAVAILABLE(refused);
        QVERIFY(!refused.body.contains("gatehouse_")); // no secret was handed out
        QCOMPARE(tokens().size(), 1);
    }
    // The next token gets a fresh id, and revoking it takes effect.
    const TokenApi::Created after = TokenApi::create(m_fx->rest, m_admin, QStringLiteral("after"), UsersRead);
    QVERIFY(after.ok());
    QVERIFY(after.id != before.id);
    EXPECT_STATUS(m_fx->rest.listUsers(RestClient::bearer(after.secret)), 200);
    EXPECT_STATUS(TokenApi::revoke(m_fx->rest, after.id, m_admin), 200);
    EXPECT_STATUS(m_fx->rest.listUsers(RestClient::bearer(after.secret)), 401);
    QVERIFY(m_fx->restart());
    const QJsonArray listed = tokens();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(RestClient::idText(listed.at(0).toObject().value(QStringLiteral("id"))), before.id);
    EXPECT_STATUS(m_fx->rest.listUsers(RestClient::bearer(after.secret)), 401);
}

void SecurityDiskFullTest::userWritesRefused()
{
    const QString bob = m_fx->createUser(QStringLiteral("bob"), QStringLiteral("viewer"), TestPasswords::second());
    QVERIFY(!bob.isEmpty());
    {
        FullDisk::Scope full;
        EXPECT_UNAVAILABLE(m_fx->rest.createUser(
            RestClient::userBody(QStringLiteral("carol"), TestPasswords::third(), QStringLiteral("viewer")), m_admin));
        EXPECT_UNAVAILABLE(m_fx->rest.updateUser(bob, {{QStringLiteral("role"), QStringLiteral("operator")}}, m_admin));
        EXPECT_UNAVAILABLE(m_fx->rest.updateUser(bob, {{QStringLiteral("password"), TestPasswords::third()}}, m_admin));
        EXPECT_UNAVAILABLE(m_fx->rest.removeUser(bob, m_admin));
        QCOMPARE(usernames(m_admin), (QStringList{Admin, QStringLiteral("bob")}));
    }
    QVERIFY(m_fx->restart());
    QCOMPARE(usernames(m_admin), (QStringList{Admin, QStringLiteral("bob")}));
    const HttpResponse me = m_fx->rest.me(RestClient::basic(QStringLiteral("bob"), TestPasswords::second()));
    EXPECT_STATUS(me, 200);
    QCOMPARE(me.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("viewer"));
    // A new account with carol's name can be made: she was never half-created.
    QVERIFY(!m_fx->createUser(QStringLiteral("carol"), QStringLiteral("viewer"), TestPasswords::third()).isEmpty());
}

void SecurityDiskFullTest::sessionWritesRefused()
{
    const TokenPair pair = m_fx->rest.loginPair(Admin, TestPasswords::first());
    QVERIFY(pair.isValid());
    const RequestHeaders bearer = RestClient::bearer(pair.access);
    const QJsonArray sessions = m_fx->rest.listSessions(m_admin).object().value(QStringLiteral("sessions")).toArray();
    QVERIFY(!sessions.isEmpty());
    {
        FullDisk::Scope full;
        EXPECT_UNAVAILABLE(m_fx->rest.login(Admin, TestPasswords::first()));
        EXPECT_UNAVAILABLE(m_fx->rest.refresh(pair.refresh));
        EXPECT_UNAVAILABLE(m_fx->rest.logout(bearer));
        for (const QJsonValue& session : sessions)
            EXPECT_UNAVAILABLE(
                m_fx->rest.removeSession(RestClient::idText(session.toObject().value(QStringLiteral("id"))), m_admin));
        EXPECT_UNAVAILABLE(m_fx->rest.changePassword(TestPasswords::first(), TestPasswords::second(), bearer));
    }
    QVERIFY(m_fx->restart());
    EXPECT_STATUS(m_fx->rest.me(bearer), 200);
    EXPECT_STATUS(m_fx->rest.me(m_admin), 200);
    EXPECT_REST_SUCCESS(m_fx->rest.refresh(pair.refresh)); // never rotated, so not spent
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
}

// A failure that cannot be committed is not answered 401 (it would not survive a crash) but
// 503; it still counts in memory, so guessing on does not get around the limit.
void SecurityDiskFullTest::failedLoginsRefusedButCounted()
{
    FullDisk::Scope full;
    for (int i = 0; i < 4; ++i)
        EXPECT_UNAVAILABLE(m_fx->rest.login(Admin, TestPasswords::wrong()));
    EXPECT_UNAVAILABLE(m_fx->rest.me(RestClient::bearer(ApiTokenCheck::randomWellFormed())));
    EXPECT_REST_ERROR(m_fx->rest.login(Admin, TestPasswords::first()), 429, QStringLiteral("rate_limited"));
}

void SecurityDiskFullTest::unblockRefused()
{
    for (int i = 0; i < 5; ++i)
        EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::wrong()), 401);
    {
        FullDisk::Scope full;
        EXPECT_UNAVAILABLE(m_fx->rest.unblock(QStringLiteral("127.0.0.1"), m_admin));
        EXPECT_REST_ERROR(m_fx->rest.login(Admin, TestPasswords::first()), 429, QStringLiteral("rate_limited"));
    }
    QVERIFY(m_fx->restart());
    EXPECT_REST_ERROR(m_fx->rest.login(Admin, TestPasswords::first()), 429, QStringLiteral("rate_limited"));
}

QTEST_GUILESS_MAIN(SecurityDiskFullTest)
#include "security_diskfull.moc"
