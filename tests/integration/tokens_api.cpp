// API tokens over HTTP (docs/API.md, "API tokens" decisions): POST/GET/DELETE /api/tokens,
// the token format and its CRC-32 checksum computed here independently, the secret shown
// once (never listed, audited or stored), permissions never beyond the creator's, expiry
// under the MockClock, revocation on the very next request, last use, and the limiter:
// malformed tokens are not counted, well-formed unknown ones are, and tokens work while
// their IP is locked out.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/pythontool.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"
#include "tests/testsupport/secretscan.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString PageRead = QStringLiteral("page:read");
const QString Loopback = QStringLiteral("127.0.0.1");

QString isoAfter(qint64 secs)
{
    return TestConstants::isoUtcFromSecs(TestConstants::startMs() / 1000 + secs);
}

} // namespace

class TokensApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createShape();
    void formatAndChecksum();
    void createNormalises();
    void badCreate_data();
    void badCreate();
    void routesNeedTokenPermissions_data();
    void routesNeedTokenPermissions();
    void neverMoreThanCreator();
    void secretShownOnce();
    void listNewestFirst();
    void tokenActsWithItsPermissions();
    void malformedNotCounted_data();
    void malformedNotCounted();
    void unknownWellFormedCounts();
    void expiryFollowsClock();
    void revocationImmediate();
    void lastUseRecorded();
    void worksDuringLockout();
    void passwordRoutesRefused_data();
    void passwordRoutesRefused();
    void followsCreatorAccount();

private:
    TokenApi::Created create(const QStringList& permissions, const QJsonValue& expiresAt = QJsonValue::Undefined,
                             const RequestHeaders& auth = RestFixture::adminBasic());
    int meStatus(const QByteArray& secret) { return m_fx->rest.me(RestClient::bearer(secret)).status; }

    std::unique_ptr<RestFixture> m_fx;
};

void TokensApiTest::init()
{
    m_fx = std::make_unique<RestFixture>([](Config& config) {
        config.resources = {QStringLiteral("redirect"), QStringLiteral("page"), QStringLiteral("agent")};
    });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
}

void TokensApiTest::cleanup()
{
    m_fx.reset();
}

TokenApi::Created TokensApiTest::create(const QStringList& permissions, const QJsonValue& expiresAt,
                                        const RequestHeaders& auth)
{
    TokenApi::Created created = TokenApi::create(m_fx->rest, auth, QStringLiteral("agent"), permissions, expiresAt);
    if (!created.ok())
        qWarning("create failed: %s", qPrintable(created.response.describe()));
    return created;
}

void TokensApiTest::createShape()
{
    const TokenApi::Created created = create({PageRead});
    EXPECT_STATUS(created.response, 201);
    const QJsonObject body = created.response.object();
    QCOMPARE(body.keys(), (QStringList{QStringLiteral("secret"), QStringLiteral("status"), QStringLiteral("token")}));
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    const QJsonObject token = created.token;
    QCOMPARE(token.keys(),
             (QStringList{QStringLiteral("created_at"), QStringLiteral("created_by"), QStringLiteral("expires_at"),
                          QStringLiteral("hint"), QStringLiteral("id"), QStringLiteral("last_used_at"),
                          QStringLiteral("last_used_ip"), QStringLiteral("name"), QStringLiteral("permissions")}));
    QCOMPARE(token.value(QStringLiteral("name")).toString(), QStringLiteral("agent"));
    QCOMPARE(TokenApi::strings(token.value(QStringLiteral("permissions"))), QStringList{PageRead});
    QCOMPARE(token.value(QStringLiteral("created_at")).toString(), isoAfter(0));
    for (const char* empty : {"expires_at", "last_used_at", "last_used_ip"})
        QVERIFY2(token.value(QLatin1String(empty)).isNull(), empty);
    // docs: "a hint (`gatehouse_…` + the last 4 characters)"
    QCOMPARE(token.value(QStringLiteral("hint")).toString(),
             QStringLiteral("gatehouse_\u2026") + QString::fromLatin1(created.secret.right(4)));
    // Ambiguous in docs/API.md: created_by may name the creator by username or by account id.
    const QJsonValue createdBy = token.value(QStringLiteral("created_by"));
    QVERIFY2(createdBy.toString() == u"admin" || createdBy.isDouble(), qPrintable(compactJson(token)));
}

void TokensApiTest::formatAndChecksum()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 5; ++i) {
        const QByteArray secret = create({PageRead}).secret;
        const QString problem = ApiTokenCheck::formatProblem(secret);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!seen.contains(secret));
        seen.insert(secret);
    }
    // The test's CRC-32 agrees with zlib's on the random parts the server drew.
    const QByteArray random = seen.begin()->mid(10, ApiTokenCheck::RandomLength);
    const PythonTool::Result zlib =
        PythonTool::run(QStringLiteral("import sys, zlib; print(zlib.crc32(sys.stdin.buffer.read()))"), random);
    QVERIFY2(zlib.ok, qPrintable(zlib.error));
    QCOMPARE(zlib.output.toULongLong(), quint64(ApiTokenCheck::crc32(random)));
    QCOMPARE(ApiTokenCheck::base62(61, 6), QByteArray("00000z"));
    QCOMPARE(ApiTokenCheck::base62(62, 6), QByteArray("000010"));
}

void TokensApiTest::createNormalises()
{
    const QJsonObject body{
        {QStringLiteral("name"), QStringLiteral("  deploy bot  ")},
        {QStringLiteral("permissions"), QJsonArray{PageRead, QStringLiteral("agent:write"), PageRead}},
        {QStringLiteral("expires_at"), QStringLiteral("2026-02-01T00:00:00")}}; // no zone: UTC
    const HttpResponse response = TokenApi::createRaw(m_fx->rest, RestFixture::adminBasic(), body);
    EXPECT_STATUS(response, 201);
    const QJsonObject token = response.object().value(QStringLiteral("token")).toObject();
    QCOMPARE(token.value(QStringLiteral("name")).toString(), QStringLiteral("deploy bot"));
    QCOMPARE(TokenApi::strings(token.value(QStringLiteral("permissions"))),
             (QStringList{QStringLiteral("agent:write"), PageRead}));
    QCOMPARE(token.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2026-02-01T00:00:00Z"));
    EXPECT_STATUS(TokenApi::createRaw(m_fx->rest, RestFixture::adminBasic(),
                                      TokenApi::body(QString(64, u'n'), {PageRead}, QJsonValue::Null)),
                  201);
    EXPECT_STATUS(TokenApi::createRaw(m_fx->rest, RestFixture::adminBasic(),
                                      TokenApi::body(QString(64, u'\u00e9'), {PageRead})), // 64 characters, 128 bytes
                  201);
    const HttpResponse offset = TokenApi::createRaw(m_fx->rest, RestFixture::adminBasic(),
                                                    TokenApi::body(u"z"_s, {PageRead}, u"2026-02-01T02:00:00+02:00"_s));
    EXPECT_STATUS(offset, 201);
    QCOMPARE(offset.object().value(u"token"_s).toObject().value(u"expires_at"_s).toString(), u"2026-02-01T00:00:00Z"_s);
}

void TokensApiTest::badCreate_data()
{
    QTest::addColumn<QJsonObject>("body");
    const QJsonArray perms{PageRead};
    const QString name = QStringLiteral("name");
    const QString permissions = QStringLiteral("permissions");
    const QString expires = QStringLiteral("expires_at");
    QTest::newRow("unknown field") << QJsonObject{{name, u"a"_s}, {permissions, perms}, {u"scope"_s, u"x"_s}};
    QTest::newRow("no name") << QJsonObject{{permissions, perms}};
    QTest::newRow("empty name") << QJsonObject{{name, u""_s}, {permissions, perms}};
    QTest::newRow("blank name") << QJsonObject{{name, u"   "_s}, {permissions, perms}};
    QTest::newRow("65-character name") << QJsonObject{{name, QString(65, u'n')}, {permissions, perms}};
    QTest::newRow("control character") << QJsonObject{{name, u"a\u0007b"_s}, {permissions, perms}};
    QTest::newRow("number name") << QJsonObject{{name, 7}, {permissions, perms}};
    QTest::newRow("no permissions") << QJsonObject{{name, u"a"_s}};
    QTest::newRow("empty permissions") << QJsonObject{{name, u"a"_s}, {permissions, QJsonArray{}}};
    QTest::newRow("permissions string") << QJsonObject{{name, u"a"_s}, {permissions, PageRead}};
    QTest::newRow("unknown resource") << QJsonObject{{name, u"a"_s}, {permissions, QJsonArray{u"nope:read"_s}}};
    QTest::newRow("unknown action") << QJsonObject{{name, u"a"_s}, {permissions, QJsonArray{u"page:delete"_s}}};
    QTest::newRow("no action") << QJsonObject{{name, u"a"_s}, {permissions, QJsonArray{u"page"_s}}};
    QTest::newRow("number permission") << QJsonObject{{name, u"a"_s}, {permissions, QJsonArray{1}}};
    QTest::newRow("past expiry") << QJsonObject{{name, u"a"_s}, {permissions, perms}, {expires, isoAfter(-60)}};
    QTest::newRow("expiry now") << QJsonObject{{name, u"a"_s}, {permissions, perms}, {expires, isoAfter(0)}};
    QTest::newRow("bad expiry") << QJsonObject{{name, u"a"_s}, {permissions, perms}, {expires, u"tomorrow"_s}};
    QTest::newRow("number expiry") << QJsonObject{{name, u"a"_s}, {permissions, perms}, {expires, 1800000000}};
}

void TokensApiTest::badCreate()
{
    QFETCH(QJsonObject, body);
    EXPECT_REST_ERROR(TokenApi::createRaw(m_fx->rest, RestFixture::adminBasic(), body), 400, u"bad_request"_s);
    const HttpResponse list = TokenApi::list(m_fx->rest, RestFixture::adminBasic());
    QCOMPARE(list.object().value(QStringLiteral("tokens")).toArray().size(), 0);
}

void TokensApiTest::routesNeedTokenPermissions_data()
{
    QTest::addColumn<QString>("caller");
    QTest::newRow("operator account") << QStringLiteral("operator");
    QTest::newRow("viewer account") << QStringLiteral("viewer");
    QTest::newRow("page:read token") << QStringLiteral("token");
}

void TokensApiTest::routesNeedTokenPermissions()
{
    QFETCH(QString, caller);
    const TokenApi::Created existing = create({PageRead});
    RequestHeaders auth = RestClient::bearer(existing.secret);
    if (caller != u"token") {
        QVERIFY(!m_fx->createUser(caller, caller, TestPasswords::second()).isEmpty());
        auth = RestClient::basic(caller, TestPasswords::second());
    }
    EXPECT_REST_ERROR(TokenApi::createRaw(m_fx->rest, auth, TokenApi::body(u"x"_s, {PageRead})), 403, u"forbidden"_s);
    EXPECT_REST_ERROR(TokenApi::list(m_fx->rest, auth), 403, u"forbidden"_s);
    EXPECT_REST_ERROR(TokenApi::revoke(m_fx->rest, existing.id, auth), 403, u"forbidden"_s);
    QCOMPARE(meStatus(existing.secret), 200);
}

void TokensApiTest::neverMoreThanCreator()
{
    const TokenApi::Created writer = create({QStringLiteral("tokens:write"), PageRead});
    const RequestHeaders auth = RestClient::bearer(writer.secret);
    for (const QString& beyond : {QStringLiteral("page:write"), QStringLiteral("users:read")}) {
        const HttpResponse refused = TokenApi::createRaw(m_fx->rest, auth, TokenApi::body(u"x"_s, {PageRead, beyond}));
        EXPECT_REST_ERROR(refused, 403, u"forbidden"_s);
        QVERIFY2(refused.object().value(QStringLiteral("message")).toString().contains(beyond),
                 qPrintable(u"the message should name "_s + beyond + u": "_s + QString::fromUtf8(refused.body)));
    }
    const TokenApi::Created child = create({PageRead}, QJsonValue::Undefined, auth);
    EXPECT_STATUS(child.response, 201);
    QCOMPARE(child.token.value(QStringLiteral("created_by")), writer.token.value(QStringLiteral("created_by")));
    const HttpResponse list = TokenApi::list(m_fx->rest, RestFixture::adminBasic());
    QCOMPARE(list.object().value(QStringLiteral("tokens")).toArray().size(), 2);
}

void TokensApiTest::secretShownOnce()
{
    const TokenApi::Created created = create({PageRead, QStringLiteral("redirect:read")});
    QVERIFY(created.ok());
    QCOMPARE(meStatus(created.secret), 200);
    SecretScan scan;
    scan.addSecret(QStringLiteral("token"), created.secret);
    scan.addSecret(QStringLiteral("random part"), created.secret.mid(10, ApiTokenCheck::RandomLength));
    const HttpResponse list = TokenApi::list(m_fx->rest, RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(list);
    QVERIFY(!TokenApi::listed(list, created.id).isEmpty());
    QVERIFY(!TokenApi::listed(list, created.id).contains(QStringLiteral("secret")));
    QCOMPARE(scan.findIn(list.body), QStringList());
    EXPECT_REST_SUCCESS(TokenApi::revoke(m_fx->rest, created.id, RestFixture::adminBasic()));
    const HttpResponse audit = m_fx->rest.audit(RestFixture::adminBasic());
    QCOMPARE(scan.findIn(audit.body), QStringList());
    for (const QString& kind : {QStringLiteral("token.created"), QStringLiteral("token.revoked")}) {
        const auto events =
            RestClient::where(audit.object().value(QStringLiteral("events")).toArray(), QStringLiteral("kind"), kind);
        QVERIFY2(events.size() == 1, qPrintable(kind));
        const QJsonObject detail = events.first().value(QStringLiteral("detail")).toObject();
        // docs: "detail: id, name, permissions"
        QVERIFY2(RestClient::idText(detail.value(QStringLiteral("id"))) == created.id,
                 qPrintable(kind + u" detail without the token's \"id\": "_s + compactJson(detail)));
        QCOMPARE(detail.value(QStringLiteral("name")).toString(), QStringLiteral("agent"));
        QCOMPARE(TokenApi::strings(detail.value(QStringLiteral("permissions"))),
                 (QStringList{PageRead, QStringLiteral("redirect:read")}));
    }
    m_fx->server.stop();
    const QString db = m_fx->server.sqlitePath();
    QCOMPARE(scan.findIn(SecretScan::dumpSqlite(db)), QStringList());
    QCOMPARE(scan.findIn(SecretScan::readFileBytes(db) + SecretScan::readFileBytes(db + u"-wal"_s)), QStringList());
}

void TokensApiTest::listNewestFirst()
{
    const TokenApi::Created older = create({PageRead}, isoAfter(60));
    m_fx->server.clock().advanceSecs(120); // `older` has expired: still listed, for clean-up
    const TokenApi::Created newer = create({PageRead});
    const TokenApi::Created revoked = create({PageRead});
    EXPECT_REST_SUCCESS(TokenApi::revoke(m_fx->rest, revoked.id, RestFixture::adminBasic()));
    const HttpResponse list = TokenApi::list(m_fx->rest, RestFixture::adminBasic());
    EXPECT_REST_SUCCESS(list);
    QStringList ids;
    for (const QJsonValue& token : list.object().value(QStringLiteral("tokens")).toArray())
        ids << RestClient::idText(token.toObject().value(QStringLiteral("id")));
    QCOMPARE(ids, (QStringList{newer.id, older.id}));
    QCOMPARE(TokenApi::listed(list, newer.id), newer.token);
}

void TokensApiTest::tokenActsWithItsPermissions()
{
    const TokenApi::Created created = create({PageRead});
    const RequestHeaders auth = RestClient::bearer(created.secret);
    EXPECT_REST_ERROR(m_fx->rest.listUsers(auth), 403, u"forbidden"_s);
    const HttpResponse me = m_fx->rest.me(auth);
    EXPECT_REST_SUCCESS(me);
    QCOMPARE(me.object().value(QStringLiteral("auth")).toString(), QStringLiteral("api_token"));
    QCOMPARE(TokenApi::strings(me.object().value(QStringLiteral("permissions"))), QStringList{PageRead});
    const QJsonObject user = me.object().value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    // Every dialect: an authenticated caller gets flex's 404 for an unknown path, others 401.
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), created.secret), 404);
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), ApiTokenCheck::randomWellFormed()), 401);
}

void TokensApiTest::malformedNotCounted_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("random part changed") << 0;
    QTest::newRow("checksum changed") << 1;
    QTest::newRow("prefix changed") << 2;
    QTest::newRow("one character short") << 3;
    QTest::newRow("one character long") << 4;
    QTest::newRow("outside the alphabet") << 5;
}

void TokensApiTest::malformedNotCounted()
{
    QFETCH(int, kind);
    const QByteArray secret = create({PageRead}).secret;
    QByteArray bad = secret;
    switch (kind) {
    case 0:
        bad = ApiTokenCheck::withCharChanged(secret, 20);
        break;
    case 1:
        bad = ApiTokenCheck::withCharChanged(secret, secret.size() - 1);
        break;
    case 2:
        bad = "Gatehouse_" + secret.mid(10);
        break;
    case 3:
        bad.chop(1);
        break;
    case 4:
        bad.append('0');
        break;
    default:
        bad[25] = '-';
        break;
    }
    QVERIFY(ApiTokenCheck::formatProblem(bad) != QString());
    for (int i = 0; i < 6; ++i) // more than MAX_LOGIN_ATTEMPTS
        EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(bad)), 401, u"unauthorized"_s);
    EXPECT_STATUS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()), 200);
}

void TokensApiTest::unknownWellFormedCounts()
{
    for (int i = 0; i < 5; ++i) {
        const QByteArray unknown = ApiTokenCheck::randomWellFormed();
        EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(unknown)), 401, u"unauthorized"_s);
    }
    EXPECT_REST_ERROR(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()), 429, u"rate_limited"_s);
}

void TokensApiTest::expiryFollowsClock()
{
    const TokenApi::Created created = create({PageRead}, isoAfter(3600));
    QCOMPARE(created.token.value(QStringLiteral("expires_at")).toString(), isoAfter(3600));
    m_fx->server.clock().advanceSecs(3599);
    QCOMPARE(meStatus(created.secret), 200);
    m_fx->server.clock().advanceSecs(2);
    for (int i = 0; i < 6; ++i) // refused, and not counted
        EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(created.secret)), 401, u"unauthorized"_s);
    EXPECT_STATUS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()), 200);
    QVERIFY(!TokenApi::listed(TokenApi::list(m_fx->rest, RestFixture::adminBasic()), created.id).isEmpty());
}

void TokensApiTest::revocationImmediate()
{
    const TokenApi::Created created = create({PageRead});
    const TokenApi::Created other = create({PageRead});
    QCOMPARE(meStatus(created.secret), 200);
    const HttpResponse revoked = TokenApi::revoke(m_fx->rest, created.id, RestFixture::adminBasic());
    EXPECT_STATUS(revoked, 200);
    EXPECT_BODY(revoked, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});
    for (int i = 0; i < 6; ++i) // the very next request is refused; not counted either
        EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(created.secret)), 401, u"unauthorized"_s);
    EXPECT_STATUS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()), 200);
    QCOMPARE(meStatus(other.secret), 200);
    const HttpResponse list = TokenApi::list(m_fx->rest, RestFixture::adminBasic());
    QVERIFY(TokenApi::listed(list, created.id).isEmpty());
    EXPECT_REST_ERROR(TokenApi::revoke(m_fx->rest, created.id, RestFixture::adminBasic()), 404, u"not_found"_s);
    EXPECT_REST_ERROR(TokenApi::revoke(m_fx->rest, u"987654"_s, RestFixture::adminBasic()), 404, u"not_found"_s);
    QVERIFY(m_fx->restart());
    QCOMPARE(meStatus(created.secret), 401);
    QCOMPARE(meStatus(other.secret), 200);
}

void TokensApiTest::lastUseRecorded()
{
    const TokenApi::Created created = create({PageRead});
    m_fx->server.clock().advanceSecs(120);
    QCOMPARE(meStatus(created.secret), 200);
    QJsonObject listed = TokenApi::listed(TokenApi::list(m_fx->rest, RestFixture::adminBasic()), created.id);
    QCOMPARE(listed.value(QStringLiteral("last_used_at")).toString(), isoAfter(120));
    QCOMPARE(listed.value(QStringLiteral("last_used_ip")).toString(), Loopback);
    m_fx->server.clock().advanceSecs(60);
    QCOMPARE(meStatus(created.secret), 200);
    listed = TokenApi::listed(TokenApi::list(m_fx->rest, RestFixture::adminBasic()), created.id);
    QCOMPARE(listed.value(QStringLiteral("last_used_at")).toString(), isoAfter(180));
}

void TokensApiTest::worksDuringLockout()
{
    const TokenApi::Created created = create({PageRead, QStringLiteral("users:read")});
    for (int i = 0; i < 5; ++i)
        EXPECT_STATUS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::wrong()), 401);
    EXPECT_REST_ERROR(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()), 429, u"rate_limited"_s);
    EXPECT_REST_SUCCESS(m_fx->rest.me(RestClient::bearer(created.secret)));
    EXPECT_REST_SUCCESS(m_fx->rest.listUsers(RestClient::bearer(created.secret)));
}

void TokensApiTest::passwordRoutesRefused_data()
{
    QTest::addColumn<int>("route");
    QTest::newRow("PUT /flex/auth/password") << 0;
    QTest::newRow("DELETE /flex/auth/password") << 1;
    QTest::newRow("POST /api/change-password") << 2;
}

void TokensApiTest::passwordRoutesRefused()
{
    QFETCH(int, route);
    QStringList all;
    for (const char* resource : {"users", "tokens", "sessions", "ratelimit", "logs", "system", "page"})
        all << QLatin1String(resource) + u":read"_s << QLatin1String(resource) + u":write"_s;
    const QByteArray secret = create(all).secret;
    QVERIFY(!secret.isEmpty());
    if (route < 2) {
        const HttpResponse response =
            route == 0 ? m_fx->flex.setPassword(TestPasswords::second(), secret) : m_fx->flex.removePassword(secret);
        EXPECT_STATUS(response, 403);
        EXPECT_FLEX_ERROR(response, QString());
    } else {
        EXPECT_REST_ERROR(
            m_fx->rest.changePassword(TestPasswords::first(), TestPasswords::second(), RestClient::bearer(secret)), 403,
            u"forbidden"_s);
    }
    EXPECT_STATUS(m_fx->rest.login(QStringLiteral("admin"), TestPasswords::first()), 200); // unchanged
}

void TokensApiTest::followsCreatorAccount()
{
    const QString carolId = m_fx->createUser(u"carol"_s, u"admin"_s, TestPasswords::second());
    const RequestHeaders carol = RestClient::basic(u"carol"_s, TestPasswords::second());
    const TokenApi::Created created = create({PageRead, QStringLiteral("users:read")}, QJsonValue::Undefined, carol);
    const RequestHeaders auth = RestClient::bearer(created.secret);
    EXPECT_REST_SUCCESS(m_fx->rest.listUsers(auth));
    EXPECT_STATUS(m_fx->rest.updateUser(carolId, {{u"role"_s, u"operator"_s}}, RestFixture::adminBasic()), 200);
    const HttpResponse me = m_fx->rest.me(auth); // shrunk with the creator's role
    QCOMPARE(TokenApi::strings(me.object().value(QStringLiteral("permissions"))), QStringList{PageRead});
    QCOMPARE(me.object().value(u"user"_s).toObject().value(u"role"_s).toString(), u"operator"_s);
    EXPECT_REST_ERROR(m_fx->rest.listUsers(auth), 403, u"forbidden"_s);
    EXPECT_STATUS(m_fx->rest.updateUser(carolId, {{u"disabled"_s, true}}, RestFixture::adminBasic()), 200);
    EXPECT_REST_ERROR(m_fx->rest.me(auth), 401, u"unauthorized"_s);
    EXPECT_STATUS(m_fx->rest.removeUser(carolId, RestFixture::adminBasic()), 200);
    QVERIFY(TokenApi::listed(TokenApi::list(m_fx->rest, RestFixture::adminBasic()), created.id).isEmpty());
    QCOMPARE(meStatus(created.secret), 401);
}

QTEST_GUILESS_MAIN(TokensApiTest)
#include "tokens_api.moc"
