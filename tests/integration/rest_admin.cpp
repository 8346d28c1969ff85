// The administration routes besides /api/users: sessions (all with sessions:read, else
// one's own; deleting one's own always, others' only with sessions:write), the rate-limit
// log and blocks, the audit log, unknown /api paths, and a permission matrix over every
// administration route for viewer, operator, admin and no credential.
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>

namespace {

const QString Admin = QStringLiteral("admin");
const QString LocalIp = QStringLiteral("127.0.0.1");
constexpr int kWindowSecs = 900;

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QJsonArray arrayOf(const HttpResponse& response, const QString& key)
{
    return response.object().value(key).toArray();
}

bool isIsoUtc(const QJsonValue& value)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"));
    return pattern.match(value.toString()).hasMatch();
}

// The session marked "current" in a GET /api/sessions answer ("" if none or several).
QString currentSessionId(const HttpResponse& response)
{
    QStringList ids;
    for (const QJsonValue& item : arrayOf(response, QStringLiteral("sessions"))) {
        if (item.toObject().value(QStringLiteral("current")).toBool())
            ids << RestClient::idText(item.toObject().value(QStringLiteral("id")));
    }
    return ids.size() == 1 ? ids.first() : QString();
}

QStringList sessionUsers(const HttpResponse& response)
{
    QStringList users;
    for (const QJsonValue& item : arrayOf(response, QStringLiteral("sessions")))
        users << item.toObject().value(QStringLiteral("user")).toString();
    return sorted(users);
}

} // namespace

class RestAdminTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sessionsListedForAdmin();
    void sessionsOwnOnly_data();
    void sessionsOwnOnly();
    void deleteOwnSession_data();
    void deleteOwnSession();
    void deleteOthersSession_data();
    void deleteOthersSession();
    void adminDeletesAnySession();
    void ratelimitEvents();
    void ratelimitEventsFilters();
    void blocksAndUnblock();
    void unblockUnknown();
    void auditEvents();
    void auditPaging();
    void unknownApiPath_data();
    void unknownApiPath();
    void wrongMethod_data();
    void wrongMethod();
    void permissionMatrix_data();
    void permissionMatrix();

private:
    TokenPair loginAs(const QString& user, const QString& password) { return m_fx->rest.loginPair(user, password); }
    // Creates `name` with `role` and logs in: the pair, or an empty pair on failure.
    TokenPair userSession(const QString& name, const QString& role);

    std::unique_ptr<RestFixture> m_fx;
};

void RestAdminTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
}

void RestAdminTest::cleanup()
{
    m_fx.reset();
}

TokenPair RestAdminTest::userSession(const QString& name, const QString& role)
{
    if (m_fx->createUser(name, role, TestPasswords::second()).isEmpty())
        return {};
    return loginAs(name, TestPasswords::second());
}

void RestAdminTest::sessionsListedForAdmin()
{
    const TokenPair admin = loginAs(Admin, TestPasswords::first());
    const TokenPair adminOther = loginAs(Admin, TestPasswords::first());
    const TokenPair olivia = userSession(QStringLiteral("olivia"), QStringLiteral("operator"));
    QVERIFY(admin.isValid() && adminOther.isValid() && olivia.isValid());

    const HttpResponse response = m_fx->rest.listSessions(RestClient::bearer(admin.access));
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(sessionUsers(response), QStringList({Admin, Admin, QStringLiteral("olivia")}));
    const QStringList keys =
        sorted({QStringLiteral("id"), QStringLiteral("user"), QStringLiteral("dialect"), QStringLiteral("client_ip"),
                QStringLiteral("user_agent"), QStringLiteral("created_at"), QStringLiteral("last_seen_at"),
                QStringLiteral("expires_at"), QStringLiteral("current")});
    for (const QJsonValue& item : arrayOf(response, QStringLiteral("sessions"))) {
        const QJsonObject session = item.toObject();
        QCOMPARE(sorted(session.keys()), keys);
        QCOMPARE(session.value(QStringLiteral("dialect")).toString(), QStringLiteral("rest"));
        QCOMPARE(session.value(QStringLiteral("client_ip")).toString(), LocalIp);
        QCOMPARE(session.value(QStringLiteral("created_at")).toString(),
                 TestConstants::isoUtc(TestConstants::startTime()));
        QCOMPARE(session.value(QStringLiteral("expires_at")).toString(),
                 TestConstants::isoUtcFromSecs(TestConstants::startMs() / 1000 + 7 * 24 * 3600));
        QVERIFY(session.value(QStringLiteral("current")).isBool());
    }
    QVERIFY2(!currentSessionId(response).isEmpty(), "exactly one session must be the caller's");
    // A Basic caller has no session: none is current, all are listed.
    const HttpResponse basic = m_fx->rest.listSessions(RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(basic);
    QCOMPARE(sessionUsers(basic).size(), 3);
    QVERIFY(currentSessionId(basic).isEmpty());
}

void RestAdminTest::sessionsOwnOnly_data()
{
    QTest::addColumn<QString>("role");
    QTest::newRow("operator") << QStringLiteral("operator");
    QTest::newRow("viewer") << QStringLiteral("viewer");
}

void RestAdminTest::sessionsOwnOnly()
{
    QFETCH(QString, role);
    const TokenPair admin = loginAs(Admin, TestPasswords::first());
    const TokenPair mine = userSession(QStringLiteral("pat"), role);
    const TokenPair mineToo = loginAs(QStringLiteral("pat"), TestPasswords::second());
    QVERIFY(admin.isValid() && mine.isValid() && mineToo.isValid());
    const HttpResponse response = m_fx->rest.listSessions(RestClient::bearer(mine.access));
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(sessionUsers(response), QStringList({QStringLiteral("pat"), QStringLiteral("pat")}));
    QVERIFY(!currentSessionId(response).isEmpty());
}

void RestAdminTest::deleteOwnSession_data()
{
    sessionsOwnOnly_data();
    QTest::newRow("admin") << Admin;
}

void RestAdminTest::deleteOwnSession()
{
    QFETCH(QString, role);
    const TokenPair mine =
        role == Admin ? loginAs(Admin, TestPasswords::first()) : userSession(QStringLiteral("quinn"), role);
    const TokenPair other = role == Admin ? loginAs(Admin, TestPasswords::first())
                                          : loginAs(QStringLiteral("quinn"), TestPasswords::second());
    QVERIFY(mine.isValid() && other.isValid());
    // Find `other`'s session id through its own listing, then end it from `mine`.
    const QString otherId = currentSessionId(m_fx->rest.listSessions(RestClient::bearer(other.access)));
    QVERIFY(!otherId.isEmpty());
    const HttpResponse removed = m_fx->rest.removeSession(otherId, RestClient::bearer(mine.access));
    EXPECT_STATUS(removed, 200);
    EXPECT_BODY(removed, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(other.access)), 401);
    EXPECT_STATUS(m_fx->rest.refresh(other.refresh), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(mine.access)), 200);
    // Ending the current session is allowed too: it is a logout.
    const QString mineId = currentSessionId(m_fx->rest.listSessions(RestClient::bearer(mine.access)));
    EXPECT_STATUS(m_fx->rest.removeSession(mineId, RestClient::bearer(mine.access)), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(mine.access)), 401);
}

void RestAdminTest::deleteOthersSession_data()
{
    sessionsOwnOnly_data();
}

void RestAdminTest::deleteOthersSession()
{
    QFETCH(QString, role);
    const TokenPair admin = loginAs(Admin, TestPasswords::first());
    const TokenPair caller = userSession(QStringLiteral("rita"), role);
    QVERIFY(admin.isValid() && caller.isValid());
    const QString adminSession = currentSessionId(m_fx->rest.listSessions(RestClient::bearer(admin.access)));
    QVERIFY(!adminSession.isEmpty());
    // Someone else's session without sessions:write looks exactly like one that does not exist.
    const HttpResponse refused = m_fx->rest.removeSession(adminSession, RestClient::bearer(caller.access));
    EXPECT_REST_ERROR(refused, 404, QStringLiteral("not_found"));
    const HttpResponse unknown =
        m_fx->rest.removeSession(QStringLiteral("no-such-session"), RestClient::bearer(caller.access));
    EXPECT_REST_ERROR(unknown, 404, QStringLiteral("not_found"));
    QCOMPARE(refused.body, unknown.body);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(admin.access)), 200);
}

void RestAdminTest::adminDeletesAnySession()
{
    const TokenPair victim = userSession(QStringLiteral("sam"), QStringLiteral("viewer"));
    QVERIFY(victim.isValid());
    const QString id = currentSessionId(m_fx->rest.listSessions(RestClient::bearer(victim.access)));
    QVERIFY(!id.isEmpty());
    EXPECT_STATUS(m_fx->rest.removeSession(id, RestFixture::adminBasic()), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(victim.access)), 401);
    EXPECT_REST_ERROR(m_fx->rest.removeSession(QStringLiteral("no-such-session"), RestFixture::adminBasic()), 404,
                      QStringLiteral("not_found"));
    const HttpResponse list = m_fx->rest.listSessions(RestFixture::adminBasic());
    QVERIFY(RestClient::where(arrayOf(list, QStringLiteral("sessions")), QStringLiteral("id"), id).isEmpty());
}

void RestAdminTest::ratelimitEvents()
{
    EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::wrong()), 401);
    EXPECT_STATUS(m_fx->rest.login(QStringLiteral("mallory"), TestPasswords::wrong()), 401);
    const HttpResponse response = m_fx->rest.ratelimitEvents(RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(response);
    const QJsonArray events = arrayOf(response, QStringLiteral("events"));
    QVERIFY2(events.size() >= 2, qPrintable(QString::fromUtf8(response.body.left(600))));
    const QStringList keys =
        sorted({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("client_ip"), QStringLiteral("kind"),
                QStringLiteral("dialect"), QStringLiteral("username"), QStringLiteral("detail")});
    QStringList usernames;
    for (const QJsonValue& item : events) {
        const QJsonObject event = item.toObject();
        QCOMPARE(sorted(event.keys()), keys);
        QCOMPARE(event.value(QStringLiteral("client_ip")).toString(), LocalIp);
        QCOMPARE(event.value(QStringLiteral("at")).toString(), TestConstants::isoUtc(TestConstants::startTime()));
        QVERIFY(!event.value(QStringLiteral("kind")).toString().isEmpty());
        usernames << event.value(QStringLiteral("username")).toString();
    }
    QVERIFY2(usernames.contains(Admin) && usernames.contains(QStringLiteral("mallory")),
             qPrintable(usernames.join(u',')));
    const QList<QJsonObject> rest = RestClient::where(events, QStringLiteral("dialect"), QStringLiteral("rest"));
    QVERIFY(rest.size() >= 2);
    const QString body = QString::fromUtf8(response.body);
    QVERIFY2(!body.contains(TestPasswords::wrong()), "a tried password must never be logged");
}

void RestAdminTest::ratelimitEventsFilters()
{
    for (int i = 0; i < 3; ++i)
        EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::wrong()), 401);
    const RequestHeaders admin = RestFixture::adminBasic();
    EXPECT_STATUS(m_fx->rest.me(admin), 200);
    QUrlQuery limitOne;
    limitOne.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QCOMPARE(arrayOf(m_fx->rest.ratelimitEvents(admin, limitOne), QStringLiteral("events")).size(), 1);
    QUrlQuery otherIp;
    otherIp.addQueryItem(QStringLiteral("ip"), QStringLiteral("10.9.8.7"));
    const HttpResponse none = m_fx->rest.ratelimitEvents(admin, otherIp);
    EXPECT_REST_SUCCESS(none);
    QCOMPARE(arrayOf(none, QStringLiteral("events")).size(), 0);
    QUrlQuery thisIp;
    thisIp.addQueryItem(QStringLiteral("ip"), LocalIp);
    QVERIFY(arrayOf(m_fx->rest.ratelimitEvents(admin, thisIp), QStringLiteral("events")).size() >= 3);
    QUrlQuery later;
    later.addQueryItem(QStringLiteral("since"), QStringLiteral("2026-01-27T10:31:00Z"));
    QCOMPARE(arrayOf(m_fx->rest.ratelimitEvents(admin, later), QStringLiteral("events")).size(), 0);
    QUrlQuery earlier;
    earlier.addQueryItem(QStringLiteral("since"), QStringLiteral("2026-01-27T10:00:00Z"));
    QVERIFY(arrayOf(m_fx->rest.ratelimitEvents(admin, earlier), QStringLiteral("events")).size() >= 3);
}

void RestAdminTest::blocksAndUnblock()
{
    const TokenPair admin = loginAs(Admin, TestPasswords::first()); // Basic is locked out with the IP
    QVERIFY(admin.isValid());
    const RequestHeaders auth = RestClient::bearer(admin.access);
    const HttpResponse empty = m_fx->rest.ratelimitBlocks(auth);
    EXPECT_REST_SUCCESS(empty);
    QCOMPARE(arrayOf(empty, QStringLiteral("blocks")).size(), 0);

    for (int i = 0; i < 5; ++i)
        EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::wrong()), 401);
    EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::first()), 429);
    m_fx->server.clock().advanceSecs(100);
    const HttpResponse blocked = m_fx->rest.ratelimitBlocks(auth);
    EXPECT_REST_SUCCESS(blocked);
    EXPECT_BODY(blocked,
                QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                            {QStringLiteral("blocks"),
                             QJsonArray{QJsonObject{{QStringLiteral("ip"), LocalIp},
                                                    {QStringLiteral("retry_after_seconds"), kWindowSecs - 100}}}}});

    const HttpResponse lifted = m_fx->rest.unblock(LocalIp, auth);
    EXPECT_STATUS(lifted, 200);
    QCOMPARE(lifted.object().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 200);
    QCOMPARE(arrayOf(m_fx->rest.ratelimitBlocks(auth), QStringLiteral("blocks")).size(), 0);
    EXPECT_REST_ERROR(m_fx->rest.unblock(LocalIp, auth), 404, QStringLiteral("not_found"));
}

void RestAdminTest::unblockUnknown()
{
    for (const QString& ip : {QStringLiteral("10.1.2.3"), LocalIp, QStringLiteral("not-an-ip")}) {
        const HttpResponse response = m_fx->rest.unblock(ip, RestFixture::adminBasic());
        // An address that is not blocked (or not an address at all) is never found.
        QVERIFY2(response.status == 404 || (ip == u"not-an-ip" && response.status == 400),
                 qPrintable(response.describe()));
        QCOMPARE(response.object().value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    }
}

void RestAdminTest::auditEvents()
{
    const TokenPair session = loginAs(Admin, TestPasswords::first());
    QVERIFY(session.isValid());
    QVERIFY(!m_fx->createUser(QStringLiteral("tara"), QStringLiteral("viewer"), TestPasswords::second()).isEmpty());
    EXPECT_STATUS(m_fx->rest.logout(RestClient::bearer(session.access)), 200);

    const HttpResponse response = m_fx->rest.audit(RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(response);
    const QJsonArray events = arrayOf(response, QStringLiteral("events"));
    const QStringList keys = sorted({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("kind"),
                                     QStringLiteral("actor"), QStringLiteral("client_ip"), QStringLiteral("detail")});
    qint64 previousId = std::numeric_limits<qint64>::max();
    QStringList kinds;
    for (const QJsonValue& item : events) {
        const QJsonObject event = item.toObject();
        QCOMPARE(sorted(event.keys()), keys);
        QVERIFY2(event.value(QStringLiteral("detail")).isObject(), qPrintable(compactJson(event)));
        QVERIFY(isIsoUtc(event.value(QStringLiteral("at"))));
        const qint64 id = RestClient::idText(event.value(QStringLiteral("id"))).toLongLong();
        QVERIFY2(id < previousId, "newest first");
        previousId = id;
        kinds << event.value(QStringLiteral("kind")).toString();
    }
    for (const QString& kind : {QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("user.created")})
        QVERIFY2(kinds.contains(kind), qPrintable(kind + QStringLiteral(" missing from ") + kinds.join(u',')));
    // Newest first: the logout came after the account was created, which came after the login.
    QVERIFY(kinds.indexOf(QStringLiteral("logout")) < kinds.indexOf(QStringLiteral("user.created")));
    QVERIFY(kinds.lastIndexOf(QStringLiteral("user.created")) < kinds.lastIndexOf(QStringLiteral("login")));
    const QJsonObject created =
        RestClient::where(events, QStringLiteral("kind"), QStringLiteral("user.created")).value(0);
    QCOMPARE(created.value(QStringLiteral("actor")).toString(), Admin);
    QCOMPARE(created.value(QStringLiteral("client_ip")).toString(), LocalIp);
    QVERIFY2(compactJson(created.value(QStringLiteral("detail")).toObject()).contains(QStringLiteral("tara")),
             qPrintable(compactJson(created)));
    const QString body = QString::fromUtf8(response.body);
    QVERIFY2(!body.contains(TestPasswords::first()) && !body.contains(TestPasswords::second())
                 && !body.contains(QString::fromUtf8(session.access)),
             "no secret in the audit log");
}

void RestAdminTest::auditPaging()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(loginAs(Admin, TestPasswords::first()).isValid());
    QUrlQuery two;
    two.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    const HttpResponse first = m_fx->rest.audit(RestFixture::adminBasic(), two);
    EXPECT_REST_SUCCESS(first);
    const QJsonArray page = arrayOf(first, QStringLiteral("events"));
    QCOMPARE(page.size(), 2);
    const QString oldest = RestClient::idText(page.last().toObject().value(QStringLiteral("id")));
    two.addQueryItem(QStringLiteral("before"), oldest);
    const QJsonArray next = arrayOf(m_fx->rest.audit(RestFixture::adminBasic(), two), QStringLiteral("events"));
    QCOMPARE(next.size(), 2);
    for (const QJsonValue& item : next)
        QVERIFY(RestClient::idText(item.toObject().value(QStringLiteral("id"))).toLongLong() < oldest.toLongLong());
}

void RestAdminTest::unknownApiPath_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET /api/nope") << QByteArray("GET") << QStringLiteral("/api/nope");
    QTest::newRow("POST /api/nope") << QByteArray("POST") << QStringLiteral("/api/nope");
    QTest::newRow("GET /api/users/1/extra") << QByteArray("GET") << QStringLiteral("/api/users/1/extra");
    QTest::newRow("GET /api/auth") << QByteArray("GET") << QStringLiteral("/api/auth");
    QTest::newRow("DELETE /api/ratelimit") << QByteArray("DELETE") << QStringLiteral("/api/ratelimit");
}

void RestAdminTest::unknownApiPath()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const QUrl url = m_fx->rest.url(path);
    EXPECT_REST_ERROR(m_fx->http.send(method, url, {}), 401, QStringLiteral("unauthorized"));
    const TokenPair viewer = userSession(QStringLiteral("uma"), QStringLiteral("viewer"));
    QVERIFY(viewer.isValid());
    EXPECT_REST_ERROR(m_fx->http.send(method, url, {}, RestFixture::adminBasic()), 404, QStringLiteral("not_found"));
    EXPECT_REST_ERROR(m_fx->http.send(method, url, {}, RestClient::bearer(viewer.access)), 404,
                      QStringLiteral("not_found"));
}

void RestAdminTest::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("PUT /api/users") << QByteArray("PUT") << QStringLiteral("/api/users");
    QTest::newRow("GET /api/auth/login") << QByteArray("GET") << QStringLiteral("/api/auth/login");
    QTest::newRow("POST /api/sessions") << QByteArray("POST") << QStringLiteral("/api/sessions");
    QTest::newRow("PATCH /api/audit") << QByteArray("PATCH") << QStringLiteral("/api/audit");
}

void RestAdminTest::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const HttpResponse response = m_fx->http.send(method, m_fx->rest.url(path), {}, RestFixture::adminBasic());
    EXPECT_REST_ERROR(response, 405, QStringLiteral("method_not_allowed"));
}

void RestAdminTest::permissionMatrix_data()
{
    // method, path, body, then the status a viewer and an operator get. Admin: never 401/403.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("viewerStatus");
    QTest::addColumn<int>("operatorStatus");
    const QByteArray newUser =
        "{\"username\":\"matrix\",\"password\":\"quiet-Meadow-5521-vessel\",\"role\":\"viewer\"}";
    QTest::newRow("GET /api/users") << QByteArray("GET") << QStringLiteral("/api/users") << QByteArray() << 403 << 403;
    QTest::newRow("POST /api/users") << QByteArray("POST") << QStringLiteral("/api/users") << newUser << 403 << 403;
    QTest::newRow("PATCH /api/users/{id}") << QByteArray("PATCH") << QStringLiteral("/api/users/{target}")
                                           << QByteArray("{\"firstname\":\"X\"}") << 403 << 403;
    QTest::newRow("DELETE /api/users/{id}")
        << QByteArray("DELETE") << QStringLiteral("/api/users/{target}") << QByteArray() << 403 << 403;
    // The /api/tokens rows join with the API tokens themselves (the manager-dialect issue).
    QTest::newRow("GET /api/sessions") << QByteArray("GET") << QStringLiteral("/api/sessions") << QByteArray() << 200
                                       << 200;
    QTest::newRow("GET /api/ratelimit/events")
        << QByteArray("GET") << QStringLiteral("/api/ratelimit/events") << QByteArray() << 403 << 403;
    QTest::newRow("GET /api/ratelimit/blocks")
        << QByteArray("GET") << QStringLiteral("/api/ratelimit/blocks") << QByteArray() << 403 << 403;
    QTest::newRow("DELETE /api/ratelimit/blocks/{ip}")
        << QByteArray("DELETE") << QStringLiteral("/api/ratelimit/blocks/10.1.2.3") << QByteArray() << 403 << 403;
    QTest::newRow("GET /api/audit") << QByteArray("GET") << QStringLiteral("/api/audit") << QByteArray() << 403 << 200;
}

void RestAdminTest::permissionMatrix()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, viewerStatus);
    QFETCH(int, operatorStatus);
    const QString target =
        m_fx->createUser(QStringLiteral("target"), QStringLiteral("viewer"), TestPasswords::second());
    QVERIFY(!target.isEmpty());
    const QUrl url = m_fx->rest.url(QString(path).replace(QStringLiteral("{target}"), target));
    const TokenPair viewer = userSession(QStringLiteral("vera"), QStringLiteral("viewer"));
    const TokenPair operatorPair = userSession(QStringLiteral("otto"), QStringLiteral("operator"));
    const TokenPair admin = loginAs(Admin, TestPasswords::first());
    QVERIFY(viewer.isValid() && operatorPair.isValid() && admin.isValid());

    EXPECT_REST_ERROR(m_fx->http.send(method, url, body), 401, QStringLiteral("unauthorized"));
    const HttpResponse asViewer = m_fx->http.send(method, url, body, RestClient::bearer(viewer.access));
    EXPECT_STATUS(asViewer, viewerStatus);
    if (viewerStatus == 403)
        EXPECT_REST_ERROR(asViewer, 403, QStringLiteral("forbidden"));
    const HttpResponse asOperator = m_fx->http.send(method, url, body, RestClient::bearer(operatorPair.access));
    EXPECT_STATUS(asOperator, operatorStatus);
    if (operatorStatus == 403)
        EXPECT_REST_ERROR(asOperator, 403, QStringLiteral("forbidden"));
    const HttpResponse asAdmin = m_fx->http.send(method, url, body, RestClient::bearer(admin.access));
    QVERIFY2((asAdmin.status >= 200 && asAdmin.status < 300) || asAdmin.status == 404,
             qPrintable(asAdmin.describe())); // allowed; a missing token or block is 404
    QVERIFY2(!(method == "GET" && asAdmin.status == 404), qPrintable(asAdmin.describe()));
}

QTEST_GUILESS_MAIN(RestAdminTest)
#include "rest_admin.moc"
