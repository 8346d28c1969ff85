// /api/users: list, create (201, 409 for a taken name, 400 for a bad name, role or
// password), change (role change and disabling end the account's sessions), remove, the
// built-in admin's protection, and users:read / users:write for every role.
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

const QStringList UserKeys = sorted({QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("firstname"),
                                     QStringLiteral("lastname"), QStringLiteral("role"), QStringLiteral("disabled"),
                                     QStringLiteral("created_at"), QStringLiteral("updated_at")});

bool isIsoUtc(const QJsonValue& value)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"));
    return pattern.match(value.toString()).hasMatch();
}

QJsonObject userOf(const HttpResponse& response)
{
    return response.object().value(QStringLiteral("user")).toObject();
}

} // namespace

class RestUsersTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listShowsAdmin();
    void createUser();
    void createRefusals_data();
    void createRefusals();
    void longestNameAccepted();
    void patchNames();
    void roleChangeEndsSessions();
    void disabledUserCannotLogIn();
    void patchPassword();
    void patchRefusals();
    void builtInAdminProtected_data();
    void builtInAdminProtected();
    void removeUser();
    void removeUnknown();
    void permissions_data();
    void permissions();
    void secondAdminManagesUsers();

private:
    QString create(const QString& name, const QString& role) { return m_fx->createUser(name, role, m_password); }
    QString adminId();

    std::unique_ptr<RestFixture> m_fx;
    const QString m_password = TestPasswords::second();
};

void RestUsersTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
}

void RestUsersTest::cleanup()
{
    m_fx.reset();
}

QString RestUsersTest::adminId()
{
    const HttpResponse me = m_fx->rest.me(RestFixture::adminBasic());
    return RestClient::idText(userOf(me).value(QStringLiteral("id")));
}

void RestUsersTest::listShowsAdmin()
{
    const HttpResponse response = m_fx->rest.listUsers(RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(response);
    const QJsonArray users = response.object().value(QStringLiteral("users")).toArray();
    const QList<QJsonObject> admins = RestClient::where(users, QStringLiteral("username"), QStringLiteral("admin"));
    QCOMPARE(admins.size(), 1);
    const QJsonObject admin = admins.first();
    QCOMPARE(sorted(admin.keys()), UserKeys); // never a hash
    QCOMPARE(admin.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(admin.value(QStringLiteral("disabled")).toBool(true), false);
    QVERIFY(isIsoUtc(admin.value(QStringLiteral("created_at"))));
    QVERIFY(isIsoUtc(admin.value(QStringLiteral("updated_at"))));
    QCOMPARE(RestClient::idText(admin.value(QStringLiteral("id"))), adminId());
}

void RestUsersTest::createUser()
{
    m_fx->server.clock().advanceSecs(60);
    QJsonObject body = RestClient::userBody(QStringLiteral("carol.ops"), m_password, QStringLiteral("operator"));
    body.insert(QStringLiteral("firstname"), QStringLiteral("Carol"));
    body.insert(QStringLiteral("lastname"), QStringLiteral("Ostrander"));
    const HttpResponse response = m_fx->rest.createUser(body, RestFixture::adminBasic());
    EXPECT_STATUS(response, 201);
    QCOMPARE(response.object().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    const QJsonObject user = userOf(response);
    QCOMPARE(sorted(user.keys()), UserKeys);
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("carol.ops"));
    QCOMPARE(user.value(QStringLiteral("firstname")).toString(), QStringLiteral("Carol"));
    QCOMPARE(user.value(QStringLiteral("lastname")).toString(), QStringLiteral("Ostrander"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(user.value(QStringLiteral("disabled")).toBool(true), false);
    const QString now = TestConstants::isoUtc(m_fx->server.clock().now());
    QCOMPARE(user.value(QStringLiteral("created_at")).toString(), now);
    QCOMPARE(user.value(QStringLiteral("updated_at")).toString(), now);

    const HttpResponse list = m_fx->rest.listUsers(RestFixture::adminBasic());
    const QJsonArray users = list.object().value(QStringLiteral("users")).toArray();
    const QList<QJsonObject> listed = RestClient::where(users, QStringLiteral("username"), QStringLiteral("carol.ops"));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first(), user);

    const TokenPair pair = m_fx->rest.loginPair(QStringLiteral("carol.ops"), m_password);
    QVERIFY(pair.isValid());
    const HttpResponse me = m_fx->rest.me(RestClient::bearer(pair.access));
    QCOMPARE(RestClient::idText(userOf(me).value(QStringLiteral("id"))),
             RestClient::idText(user.value(QStringLiteral("id"))));
}

void RestUsersTest::createRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray pw = "\"password\":\"quiet-Meadow-5521-vessel\"";
    QTest::newRow("taken name") << "{\"username\":\"taken\"," + pw + ",\"role\":\"viewer\"}" << 409
                                << QStringLiteral("conflict");
    QTest::newRow("admin's name") << "{\"username\":\"admin\"," + pw + ",\"role\":\"viewer\"}" << 409
                                  << QStringLiteral("conflict");
    QTest::newRow("bad role") << "{\"username\":\"dave\"," + pw + ",\"role\":\"superuser\"}" << 400
                              << QStringLiteral("bad_request");
    QTest::newRow("no role") << "{\"username\":\"dave\"," + pw + "}" << 400 << QStringLiteral("bad_request");
    QTest::newRow("no password") << QByteArray("{\"username\":\"dave\",\"role\":\"viewer\"}") << 400
                                 << QStringLiteral("bad_request");
    QTest::newRow("no username") << "{" + pw + ",\"role\":\"viewer\"}" << 400 << QStringLiteral("bad_request");
    QTest::newRow("empty name") << "{\"username\":\"\"," + pw + ",\"role\":\"viewer\"}" << 400
                                << QStringLiteral("bad_request");
    QTest::newRow("space in name") << "{\"username\":\"da ve\"," + pw + ",\"role\":\"viewer\"}" << 400
                                   << QStringLiteral("bad_request");
    QTest::newRow("slash in name") << "{\"username\":\"da/ve\"," + pw + ",\"role\":\"viewer\"}" << 400
                                   << QStringLiteral("bad_request");
    QTest::newRow("non-ASCII name") << "{\"username\":\"d\xc3\xa4ve\"," + pw + ",\"role\":\"viewer\"}" << 400
                                    << QStringLiteral("bad_request");
    QTest::newRow("65 characters") << "{\"username\":\"" + QByteArray(65, 'a') + "\"," + pw + ",\"role\":\"viewer\"}"
                                   << 400 << QStringLiteral("bad_request");
    QTest::newRow("short password") << QByteArray("{\"username\":\"dave\",\"password\":\"short\",\"role\":\"viewer\"}")
                                    << 400 << QStringLiteral("weak_password");
    QTest::newRow("common password") << QByteArray(
        "{\"username\":\"dave\",\"password\":\"password1234\",\"role\":\"viewer\"}")
                                     << 400 << QStringLiteral("weak_password");
    QTest::newRow("malformed") << QByteArray("{\"username\":") << 400 << QStringLiteral("bad_request");
}

void RestUsersTest::createRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QVERIFY(!create(QStringLiteral("taken"), QStringLiteral("viewer")).isEmpty());
    const HttpResponse before = m_fx->rest.listUsers(RestFixture::adminBasic());
    const HttpResponse response =
        m_fx->http.send("POST", m_fx->rest.url(QStringLiteral("/api/users")), body, RestFixture::adminBasic());
    EXPECT_REST_ERROR(response, status, code);
    const HttpResponse after = m_fx->rest.listUsers(RestFixture::adminBasic());
    QCOMPARE(after.object(), before.object()); // nothing was created or changed
}

void RestUsersTest::longestNameAccepted()
{
    const QString name = QStringLiteral("A-z_0.9@") + QString(56, u'x'); // 64 of the allowed characters
    QCOMPARE(name.size(), 64);
    QVERIFY(!create(name, QStringLiteral("viewer")).isEmpty());
    EXPECT_REST_SUCCESS(m_fx->rest.login(name, m_password));
}

void RestUsersTest::patchNames()
{
    const QString id = create(QStringLiteral("erin"), QStringLiteral("viewer"));
    QVERIFY(!id.isEmpty());
    const TokenPair pair = m_fx->rest.loginPair(QStringLiteral("erin"), m_password);
    m_fx->server.clock().advanceSecs(120);
    const HttpResponse response = m_fx->rest.updateUser(
        id, {{QStringLiteral("firstname"), QStringLiteral("Erin")}, {QStringLiteral("lastname"), QStringLiteral("Ng")}},
        RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(response);
    const QJsonObject user = userOf(response);
    QCOMPARE(user.value(QStringLiteral("firstname")).toString(), QStringLiteral("Erin"));
    QCOMPARE(user.value(QStringLiteral("lastname")).toString(), QStringLiteral("Ng"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
    QCOMPARE(user.value(QStringLiteral("updated_at")).toString(), TestConstants::isoUtc(m_fx->server.clock().now()));
    QVERIFY(user.value(QStringLiteral("created_at")) != user.value(QStringLiteral("updated_at")));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 200); // names are not a reason to log out
}

void RestUsersTest::roleChangeEndsSessions()
{
    const QString id = create(QStringLiteral("frank"), QStringLiteral("operator"));
    QVERIFY(!id.isEmpty());
    QVERIFY(!create(QStringLiteral("grace"), QStringLiteral("operator")).isEmpty());
    const TokenPair frank = m_fx->rest.loginPair(QStringLiteral("frank"), m_password);
    const TokenPair grace = m_fx->rest.loginPair(QStringLiteral("grace"), m_password);
    QVERIFY(frank.isValid() && grace.isValid());
    const HttpResponse response =
        m_fx->rest.updateUser(id, {{QStringLiteral("role"), QStringLiteral("viewer")}}, RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(userOf(response).value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));

    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(frank.access)), 401);
    EXPECT_STATUS(m_fx->rest.refresh(frank.refresh), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(grace.access)), 200);
    const TokenPair again = m_fx->rest.loginPair(QStringLiteral("frank"), m_password);
    const HttpResponse me = m_fx->rest.me(RestClient::bearer(again.access));
    QCOMPARE(userOf(me).value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
}

void RestUsersTest::disabledUserCannotLogIn()
{
    const QString id = create(QStringLiteral("heidi"), QStringLiteral("operator"));
    QVERIFY(!id.isEmpty());
    const TokenPair pair = m_fx->rest.loginPair(QStringLiteral("heidi"), m_password);
    QVERIFY(pair.isValid());
    EXPECT_STATUS(m_fx->rest.me(RestClient::basic(QStringLiteral("heidi"), m_password)), 200);
    const HttpResponse response =
        m_fx->rest.updateUser(id, {{QStringLiteral("disabled"), true}}, RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(userOf(response).value(QStringLiteral("disabled")).toBool(), true);

    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 401);
    EXPECT_STATUS(m_fx->rest.refresh(pair.refresh), 401);
    EXPECT_REST_ERROR(m_fx->rest.login(QStringLiteral("heidi"), m_password), 401,
                      QStringLiteral("invalid_credentials"));
    EXPECT_STATUS(m_fx->rest.me(RestClient::basic(QStringLiteral("heidi"), m_password)), 401); // cache too

    EXPECT_REST_SUCCESS(m_fx->rest.updateUser(id, {{QStringLiteral("disabled"), false}}, RestFixture::adminBasic()));
    EXPECT_REST_SUCCESS(m_fx->rest.login(QStringLiteral("heidi"), m_password));
}

void RestUsersTest::patchPassword()
{
    const QString id = create(QStringLiteral("ivan"), QStringLiteral("viewer"));
    QVERIFY(!id.isEmpty());
    const TokenPair pair = m_fx->rest.loginPair(QStringLiteral("ivan"), m_password);
    QVERIFY(pair.isValid());
    EXPECT_REST_ERROR(
        m_fx->rest.updateUser(id, {{QStringLiteral("password"), QStringLiteral("short")}}, RestFixture::adminBasic()),
        400, QStringLiteral("weak_password"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(QStringLiteral("ivan"), m_password));

    EXPECT_REST_SUCCESS(
        m_fx->rest.updateUser(id, {{QStringLiteral("password"), TestPasswords::third()}}, RestFixture::adminBasic()));
    EXPECT_STATUS(m_fx->rest.login(QStringLiteral("ivan"), m_password), 401);
    EXPECT_REST_SUCCESS(m_fx->rest.login(QStringLiteral("ivan"), TestPasswords::third()));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 401); // a reset password ends the sessions
}

void RestUsersTest::patchRefusals()
{
    const QString id = create(QStringLiteral("judy"), QStringLiteral("viewer"));
    QVERIFY(!id.isEmpty());
    EXPECT_REST_ERROR(
        m_fx->rest.updateUser(id, {{QStringLiteral("role"), QStringLiteral("root")}}, RestFixture::adminBasic()), 400,
        QStringLiteral("bad_request"));
    EXPECT_REST_ERROR(
        m_fx->rest.updateUser(id, {{QStringLiteral("disabled"), QStringLiteral("yes")}}, RestFixture::adminBasic()),
        400, QStringLiteral("bad_request"));
    const HttpResponse unknown = m_fx->rest.updateUser(
        QStringLiteral("987654"), {{QStringLiteral("firstname"), QStringLiteral("X")}}, RestFixture::adminBasic());
    EXPECT_REST_ERROR(unknown, 404, QStringLiteral("not_found"));
    const HttpResponse list = m_fx->rest.listUsers(RestFixture::adminBasic());
    const QJsonArray users = list.object().value(QStringLiteral("users")).toArray();
    QCOMPARE(RestClient::where(users, QStringLiteral("username"), QStringLiteral("judy"))
                 .value(0)
                 .value(QStringLiteral("role"))
                 .toString(),
             QStringLiteral("viewer"));
}

void RestUsersTest::builtInAdminProtected_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("demote") << QByteArray("PATCH") << QJsonObject{{QStringLiteral("role"), QStringLiteral("operator")}};
    QTest::newRow("disable") << QByteArray("PATCH") << QJsonObject{{QStringLiteral("disabled"), true}};
    QTest::newRow("remove") << QByteArray("DELETE") << QJsonObject();
}

void RestUsersTest::builtInAdminProtected()
{
    QFETCH(QByteArray, method);
    QFETCH(QJsonObject, body);
    const TokenPair session = m_fx->rest.loginPair(QStringLiteral("admin"), TestPasswords::first());
    QVERIFY(session.isValid());
    const QString id = adminId();
    QVERIFY(!id.isEmpty());
    const HttpResponse response = method == "DELETE" ? m_fx->rest.removeUser(id, RestFixture::adminBasic())
                                                     : m_fx->rest.updateUser(id, body, RestFixture::adminBasic());
    EXPECT_REST_ERROR(response, 400, QStringLiteral("bad_request"));

    const HttpResponse me = m_fx->rest.me(RestClient::bearer(session.access));
    EXPECT_STATUS(me, 200); // nothing changed, no session ended
    QCOMPARE(userOf(me).value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()));
}

void RestUsersTest::removeUser()
{
    const QString id = create(QStringLiteral("ken"), QStringLiteral("operator"));
    QVERIFY(!id.isEmpty());
    const TokenPair pair = m_fx->rest.loginPair(QStringLiteral("ken"), m_password);
    QVERIFY(pair.isValid());
    const HttpResponse response = m_fx->rest.removeUser(id, RestFixture::adminBasic());
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});

    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 401);
    EXPECT_STATUS(m_fx->rest.refresh(pair.refresh), 401);
    EXPECT_REST_ERROR(m_fx->rest.login(QStringLiteral("ken"), m_password), 401, QStringLiteral("invalid_credentials"));
    const HttpResponse list = m_fx->rest.listUsers(RestFixture::adminBasic());
    QVERIFY(RestClient::where(list.object().value(QStringLiteral("users")).toArray(), QStringLiteral("username"),
                              QStringLiteral("ken"))
                .isEmpty());
    EXPECT_REST_ERROR(m_fx->rest.removeUser(id, RestFixture::adminBasic()), 404, QStringLiteral("not_found"));
    // The name is free again.
    QVERIFY(!create(QStringLiteral("ken"), QStringLiteral("viewer")).isEmpty());
}

void RestUsersTest::removeUnknown()
{
    EXPECT_REST_ERROR(m_fx->rest.removeUser(QStringLiteral("987654"), RestFixture::adminBasic()), 404,
                      QStringLiteral("not_found"));
    // An id that cannot be one may be refused as a bad request instead; never a 5xx or a success.
    const HttpResponse malformed = m_fx->rest.removeUser(QStringLiteral("not-a-number"), RestFixture::adminBasic());
    QVERIFY2(malformed.status == 404 || malformed.status == 400, qPrintable(malformed.describe()));
    QCOMPARE(malformed.object().value(QStringLiteral("status")).toString(), QStringLiteral("error"));
}

void RestUsersTest::permissions_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("useBasic");
    for (const char* role : {"viewer", "operator"}) {
        QTest::addRow("%s bearer", role) << QString::fromLatin1(role) << false;
        QTest::addRow("%s basic", role) << QString::fromLatin1(role) << true;
    }
}

void RestUsersTest::permissions()
{
    QFETCH(QString, role);
    QFETCH(bool, useBasic);
    const QString caller = QStringLiteral("caller-") + role;
    QVERIFY(!create(caller, role).isEmpty());
    const QString victim = create(QStringLiteral("victim"), QStringLiteral("viewer"));
    QVERIFY(!victim.isEmpty());
    const TokenPair pair = m_fx->rest.loginPair(caller, m_password);
    QVERIFY(pair.isValid());
    const RequestHeaders auth = useBasic ? RestClient::basic(caller, m_password) : RestClient::bearer(pair.access);

    EXPECT_REST_ERROR(m_fx->rest.listUsers(auth), 403, QStringLiteral("forbidden")); // no users:read
    const QJsonObject sneaky = RestClient::userBody(QStringLiteral("sneaky"), m_password, QStringLiteral("admin"));
    EXPECT_REST_ERROR(m_fx->rest.createUser(sneaky, auth), 403, QStringLiteral("forbidden"));
    EXPECT_REST_ERROR(m_fx->rest.updateUser(victim, {{QStringLiteral("role"), QStringLiteral("admin")}}, auth), 403,
                      QStringLiteral("forbidden"));
    EXPECT_REST_ERROR(m_fx->rest.removeUser(victim, auth), 403, QStringLiteral("forbidden"));
    // Not even on itself: raising one's own role needs users:write.
    const QString self = RestClient::idText(userOf(m_fx->rest.me(auth)).value(QStringLiteral("id")));
    EXPECT_REST_ERROR(m_fx->rest.updateUser(self, {{QStringLiteral("role"), QStringLiteral("admin")}}, auth), 403,
                      QStringLiteral("forbidden"));

    const HttpResponse list = m_fx->rest.listUsers(RestFixture::adminBasic());
    const QJsonArray users = list.object().value(QStringLiteral("users")).toArray();
    QVERIFY(RestClient::where(users, QStringLiteral("username"), QStringLiteral("sneaky")).isEmpty());
    QCOMPARE(RestClient::where(users, QStringLiteral("username"), QStringLiteral("victim")).size(), 1);
    QCOMPARE(RestClient::where(users, QStringLiteral("username"), caller).value(0).value(QStringLiteral("role")),
             QJsonValue(role));
    // Without any credential: 401 before any permission is looked at.
    EXPECT_REST_ERROR(m_fx->rest.listUsers({}), 401, QStringLiteral("unauthorized"));
    EXPECT_REST_ERROR(m_fx->rest.removeUser(victim, {}), 401, QStringLiteral("unauthorized"));
}

void RestUsersTest::secondAdminManagesUsers()
{
    QVERIFY(!create(QStringLiteral("root2"), QStringLiteral("admin")).isEmpty());
    const TokenPair pair = m_fx->rest.loginPair(QStringLiteral("root2"), m_password);
    QVERIFY(pair.isValid());
    EXPECT_REST_SUCCESS(m_fx->rest.listUsers(RestClient::bearer(pair.access)));
    const HttpResponse created = m_fx->rest.createUser(
        RestClient::userBody(QStringLiteral("made-by-root2"), m_password, QStringLiteral("viewer")),
        RestClient::bearer(pair.access));
    EXPECT_STATUS(created, 201);
}

QTEST_GUILESS_MAIN(RestUsersTest)
#include "rest_users.moc"
