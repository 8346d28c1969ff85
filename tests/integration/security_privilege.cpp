// Privilege escalation (issue 11, finding 9): no actor creates or changes an account to hold
// more than the actor holds, nor sets the password of, changes, disables, removes or ends the
// sessions of an account holding a permission the actor lacks; the same for revoking an API
// token and lifting a lockout (which protects every account, the admin's included). The
// actors are API tokens with a few permissions, as an agent would hold them; a token's
// permissions never exceed its creator's. A caller holding every permission of the target
// (an admin for another admin) keeps every right.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString Forbidden = u"forbidden"_s;

// The session id of the bearer's own session, through its own listing.
QString ownSessionId(RestClient& rest, const QByteArray& access)
{
    const QJsonArray sessions = rest.listSessions(RestClient::bearer(access)).object().value(u"sessions"_s).toArray();
    for (const QJsonValue& session : sessions) {
        if (session.toObject().value(u"current"_s).toBool())
            return session.toObject().value(u"id"_s).toString();
    }
    return {};
}

} // namespace

class SecurityPrivilegeTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tokenCannotSetAdminPassword();
    void tokenCannotCreateStrongerAccount();
    void tokenCannotRaiseRole();
    void tokenCannotTouchStrongerAccount_data();
    void tokenCannotTouchStrongerAccount();
    void tokenManagesWhatItDominates();
    void sessionOfStrongerAccount();
    void tokenOfStrongerHolder();
    void unblockNeedsEveryPermission();

private:
    RequestHeaders tokenWith(const QStringList& permissions);

    std::unique_ptr<RestFixture> m_fx;
    QString m_olivia; // an operator (logs:read)
    QString m_victor; // a viewer (no permission at all: no resource is declared)
};

void SecurityPrivilegeTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
    m_olivia = m_fx->createUser(u"olivia"_s, u"operator"_s, TestPasswords::second());
    m_victor = m_fx->createUser(u"victor"_s, u"viewer"_s, TestPasswords::second());
    QVERIFY(!m_olivia.isEmpty() && !m_victor.isEmpty());
}

void SecurityPrivilegeTest::cleanup()
{
    m_fx.reset();
}

RequestHeaders SecurityPrivilegeTest::tokenWith(const QStringList& permissions)
{
    const TokenApi::Created created = TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"agent"_s, permissions);
    if (!created.ok())
        qWarning().noquote() << "token:" << created.response.describe();
    return RestClient::bearer(created.secret);
}

// The reproduction: PATCH /api/users/1 with a users:write token set the admin's password.
void SecurityPrivilegeTest::tokenCannotSetAdminPassword()
{
    const RequestHeaders agent = tokenWith({u"users:write"_s});
    const HttpResponse me = m_fx->rest.me(RestFixture::adminBasic());
    const QString adminId = RestClient::idText(me.object().value(u"user"_s).toObject().value(u"id"_s));
    EXPECT_REST_ERROR(m_fx->rest.updateUser(adminId, {{u"password"_s, TestPasswords::third()}}, agent), 403, Forbidden);
    EXPECT_REST_ERROR(m_fx->rest.updateUser(adminId, {{u"firstname"_s, u"Pwned"_s}}, agent), 403, Forbidden);
    // The admin's password is unchanged, and the refusal came before any change.
    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 200);
    EXPECT_STATUS(m_fx->rest.login(u"admin"_s, TestPasswords::third()), 401);
    QCOMPARE(m_fx->rest.me(RestFixture::adminBasic()).object().value(u"user"_s).toObject().value(u"firstname"_s),
             me.object().value(u"user"_s).toObject().value(u"firstname"_s));
}

void SecurityPrivilegeTest::tokenCannotCreateStrongerAccount()
{
    const RequestHeaders agent = tokenWith({u"users:write"_s});
    for (const QString role : {u"admin"_s, u"operator"_s}) { // operator: logs:read, which the token lacks
        const QJsonObject body = RestClient::userBody(u"mallory-"_s + role, TestPasswords::third(), role);
        EXPECT_REST_ERROR(m_fx->rest.createUser(body, agent), 403, Forbidden);
    }
    EXPECT_STATUS(m_fx->rest.login(u"mallory-admin"_s, TestPasswords::third()), 401);
    // A viewer holds nothing the token lacks.
    EXPECT_STATUS(m_fx->rest.createUser(RestClient::userBody(u"walter"_s, TestPasswords::third(), u"viewer"_s), agent),
                  201);
}

void SecurityPrivilegeTest::tokenCannotRaiseRole()
{
    const RequestHeaders agent = tokenWith({u"users:write"_s});
    EXPECT_REST_ERROR(m_fx->rest.updateUser(m_victor, {{u"role"_s, u"admin"_s}}, agent), 403, Forbidden);
    EXPECT_REST_ERROR(m_fx->rest.updateUser(m_victor, {{u"role"_s, u"operator"_s}}, agent), 403, Forbidden);
    const TokenPair victor = m_fx->rest.loginPair(u"victor"_s, TestPasswords::second());
    QCOMPARE(m_fx->rest.me(RestClient::bearer(victor.access)).object().value(u"user"_s).toObject().value(u"role"_s),
             QJsonValue(u"viewer"_s));
}

void SecurityPrivilegeTest::tokenCannotTouchStrongerAccount_data()
{
    QTest::addColumn<QString>("change");
    for (const char* change : {"password", "disable", "enable", "demote", "names", "remove"})
        QTest::newRow(change) << QString::fromLatin1(change);
}

// Olivia holds logs:read; a token with users:write alone may do nothing to her account.
void SecurityPrivilegeTest::tokenCannotTouchStrongerAccount()
{
    QFETCH(QString, change);
    if (change == u"enable")
        EXPECT_STATUS(m_fx->rest.updateUser(m_olivia, {{u"disabled"_s, true}}, RestFixture::adminBasic()), 200);
    const RequestHeaders agent = tokenWith({u"users:write"_s});
    HttpResponse response;
    if (change == u"remove") {
        response = m_fx->rest.removeUser(m_olivia, agent);
    } else {
        const QJsonObject body = change == u"password" ? QJsonObject{{u"password"_s, TestPasswords::third()}}
            : change == u"disable"                     ? QJsonObject{{u"disabled"_s, true}}
            : change == u"enable"                      ? QJsonObject{{u"disabled"_s, false}}
            : change == u"demote"                      ? QJsonObject{{u"role"_s, u"viewer"_s}}
                                                       : QJsonObject{{u"lastname"_s, u"X"_s}};
        response = m_fx->rest.updateUser(m_olivia, body, agent);
    }
    EXPECT_REST_ERROR(response, 403, Forbidden);
    const QJsonArray users = m_fx->rest.listUsers(RestFixture::adminBasic()).object().value(u"users"_s).toArray();
    const QJsonObject olivia = RestClient::where(users, u"username"_s, u"olivia"_s).value(0);
    QCOMPARE(olivia.value(u"role"_s).toString(), u"operator"_s);
    QCOMPARE(olivia.value(u"disabled"_s).toBool(), change == u"enable");
    QCOMPARE(olivia.value(u"lastname"_s).toString(), QString());
    if (change != u"enable")
        EXPECT_STATUS(m_fx->rest.login(u"olivia"_s, TestPasswords::second()), 200);
}

// Holding every permission of the target is enough: users:write + logs:read manage an operator.
void SecurityPrivilegeTest::tokenManagesWhatItDominates()
{
    const RequestHeaders agent = tokenWith({u"users:write"_s, u"logs:read"_s});
    EXPECT_STATUS(m_fx->rest.updateUser(m_olivia, {{u"password"_s, TestPasswords::third()}}, agent), 200);
    EXPECT_STATUS(m_fx->rest.login(u"olivia"_s, TestPasswords::third()), 200);
    EXPECT_STATUS(m_fx->rest.updateUser(m_victor, {{u"role"_s, u"operator"_s}}, agent), 200);
    EXPECT_STATUS(m_fx->rest.createUser(RestClient::userBody(u"otto"_s, TestPasswords::third(), u"operator"_s), agent),
                  201);
    EXPECT_REST_ERROR(m_fx->rest.updateUser(m_victor, {{u"role"_s, u"admin"_s}}, agent), 403, Forbidden);
    EXPECT_STATUS(m_fx->rest.removeUser(m_olivia, agent), 200);
}

void SecurityPrivilegeTest::sessionOfStrongerAccount()
{
    const TokenPair admin = m_fx->rest.loginPair(u"admin"_s, TestPasswords::first());
    const TokenPair olivia = m_fx->rest.loginPair(u"olivia"_s, TestPasswords::second());
    const TokenPair victor = m_fx->rest.loginPair(u"victor"_s, TestPasswords::second());
    QVERIFY(admin.isValid() && olivia.isValid() && victor.isValid());
    const RequestHeaders agent = tokenWith({u"sessions:read"_s, u"sessions:write"_s});
    EXPECT_REST_ERROR(m_fx->rest.removeSession(ownSessionId(m_fx->rest, admin.access), agent), 403, Forbidden);
    EXPECT_REST_ERROR(m_fx->rest.removeSession(ownSessionId(m_fx->rest, olivia.access), agent), 403, Forbidden);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(admin.access)), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(olivia.access)), 200);
    EXPECT_REST_SUCCESS(m_fx->rest.removeSession(ownSessionId(m_fx->rest, victor.access), agent));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(victor.access)), 401);
    // An admin ends anyone's session; an operator still ends its own.
    EXPECT_REST_SUCCESS(m_fx->rest.removeSession(ownSessionId(m_fx->rest, olivia.access), RestFixture::adminBasic()));
    const TokenPair again = m_fx->rest.loginPair(u"olivia"_s, TestPasswords::second());
    const RequestHeaders own = RestClient::bearer(again.access);
    EXPECT_REST_SUCCESS(m_fx->rest.removeSession(ownSessionId(m_fx->rest, again.access), own));
}

// Revoking a token is acting on what it holds.
void SecurityPrivilegeTest::tokenOfStrongerHolder()
{
    const TokenApi::Created strong =
        TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"strong"_s, {u"users:write"_s, u"tokens:write"_s});
    const TokenApi::Created weak = TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"weak"_s, {u"logs:read"_s});
    QVERIFY(strong.ok() && weak.ok());
    const RequestHeaders agent = tokenWith({u"tokens:write"_s, u"logs:read"_s});
    EXPECT_REST_ERROR(TokenApi::revoke(m_fx->rest, strong.id, agent), 403, Forbidden);
    EXPECT_STATUS(m_fx->rest.listUsers(RestClient::bearer(strong.secret)), 403); // alive: users:read it lacks
    EXPECT_STATUS(m_fx->rest.createUser(RestClient::userBody(u"wendy"_s, TestPasswords::third(), u"viewer"_s),
                                        RestClient::bearer(strong.secret)),
                  201);
    EXPECT_REST_SUCCESS(TokenApi::revoke(m_fx->rest, weak.id, agent));
    EXPECT_STATUS(m_fx->rest.audit(RestClient::bearer(weak.secret)), 401);
    // Minting a stronger token stays impossible (the creator's own list bounds it).
    EXPECT_REST_ERROR(TokenApi::createRaw(m_fx->rest, agent, TokenApi::body(u"x"_s, {u"users:write"_s})), 403,
                      Forbidden);
    EXPECT_REST_SUCCESS(TokenApi::revoke(m_fx->rest, strong.id, RestFixture::adminBasic()));
}

// A lockout protects every account's password, the admin's included: lifting it needs every
// permission, whatever ratelimit:write alone would suggest.
void SecurityPrivilegeTest::unblockNeedsEveryPermission()
{
    const TokenPair admin = m_fx->rest.loginPair(u"admin"_s, TestPasswords::first());
    const RequestHeaders agent = tokenWith({u"ratelimit:read"_s, u"ratelimit:write"_s});
    for (int i = 0; i < 5; ++i)
        EXPECT_STATUS(m_fx->rest.login(u"admin"_s, TestPasswords::wrong()), 401);
    EXPECT_STATUS(m_fx->rest.login(u"admin"_s, TestPasswords::first()), 429);
    EXPECT_REST_ERROR(m_fx->rest.unblock(u"127.0.0.1"_s, agent), 403, Forbidden);
    EXPECT_STATUS(m_fx->rest.login(u"admin"_s, TestPasswords::first()), 429);
    EXPECT_REST_SUCCESS(m_fx->rest.unblock(u"127.0.0.1"_s, RestClient::bearer(admin.access)));
    EXPECT_STATUS(m_fx->rest.login(u"admin"_s, TestPasswords::first()), 200);
}

QTEST_GUILESS_MAIN(SecurityPrivilegeTest)
#include "security_privilege.moc"
