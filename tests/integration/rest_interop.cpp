// JWT interoperability with an independent implementation: PyJWT (Debian's python3-jwt)
// verifies the tokens /api/auth/login issues, and the server accepts a token PyJWT signs
// with SECRET_KEY and HS256 — but not one signed with another algorithm or another key.
// The MockClock is set to the real time, so PyJWT's own exp check applies unchanged.
#include "tests/testsupport/jwtforge.h"
#include "tests/testsupport/pythontool.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QDateTime>
#include <QTest>

#include <memory>

namespace {

// stdin: {"mode": "verify", "token", "key"} -> the verified claims as JSON, plus the header;
//        {"mode": "sign", "claims", "key", "alg"} -> the token PyJWT makes.
const char* const PyJwtScript = R"(
import json, sys
import jwt
request = json.load(sys.stdin)
if request["mode"] == "verify":
    claims = jwt.decode(request["token"], request["key"], algorithms=["HS256"], issuer="gatehouse",
                        options={"require": ["exp", "iat", "iss", "sub"]})
    print(json.dumps({"claims": claims, "header": jwt.get_unverified_header(request["token"])}))
else:
    key = None if request["alg"] == "none" else request["key"]
    print(jwt.encode(request["claims"], key, algorithm=request["alg"]))
)";

QString secretKeyText()
{
    return QString::fromUtf8(TestConstants::secretKey());
}

} // namespace

class RestInteropTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loginTokensVerifyInPyJwt_data();
    void loginTokensVerifyInPyJwt();
    void pyJwtTokenAccepted();
    void pyJwtTokenRefused_data();
    void pyJwtTokenRefused();

private:
    static PythonTool::Result pyjwt(const QJsonObject& request);
    // Claims of a token the server could have issued in `realToken`'s session, with a new jti.
    QJsonObject claimsLike(const QByteArray& realToken) const;

    std::unique_ptr<RestFixture> m_fx;
    TokenPair m_pair;
};

PythonTool::Result RestInteropTest::pyjwt(const QJsonObject& request)
{
    return PythonTool::run(QString::fromLatin1(PyJwtScript), QJsonDocument(request).toJson(QJsonDocument::Compact));
}

void RestInteropTest::initTestCase()
{
    const PythonTool::Result probe = PythonTool::run(QStringLiteral("import jwt; print(jwt.__version__)"));
    QVERIFY2(probe.ok, qPrintable(QStringLiteral("python3-jwt is needed: ") + probe.error));
}

void RestInteropTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    m_fx->server.clock().setNowMs(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
    m_pair = m_fx->rest.loginPair(QStringLiteral("admin"), TestPasswords::first());
    QVERIFY(m_pair.isValid());
}

void RestInteropTest::cleanup()
{
    m_fx.reset();
}

QJsonObject RestInteropTest::claimsLike(const QByteArray& realToken) const
{
    QJsonObject claims = JwtForge::payload(realToken);
    claims.insert(QStringLiteral("jti"), QStringLiteral("made-by-pyjwt"));
    claims.insert(QStringLiteral("iat"), m_fx->server.clock().nowSecs());
    return claims;
}

void RestInteropTest::loginTokensVerifyInPyJwt_data()
{
    QTest::addColumn<bool>("refresh");
    QTest::newRow("access") << false;
    QTest::newRow("refresh") << true;
}

void RestInteropTest::loginTokensVerifyInPyJwt()
{
    QFETCH(bool, refresh);
    const QByteArray token = refresh ? m_pair.refresh : m_pair.access;
    const PythonTool::Result result = pyjwt({{QStringLiteral("mode"), QStringLiteral("verify")},
                                             {QStringLiteral("token"), QString::fromUtf8(token)},
                                             {QStringLiteral("key"), secretKeyText()}});
    QVERIFY2(result.ok, qPrintable(result.error));
    const QJsonObject verified = QJsonDocument::fromJson(result.output).object();
    QCOMPARE(verified.value(QStringLiteral("claims")).toObject(), JwtForge::payload(token));
    QCOMPARE(verified.value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
             QStringLiteral("HS256"));
    QCOMPARE(verified.value(QStringLiteral("claims")).toObject().value(QStringLiteral("type")).toString(),
             refresh ? QStringLiteral("refresh") : QStringLiteral("access"));
}

void RestInteropTest::pyJwtTokenAccepted()
{
    const PythonTool::Result signedByPy = pyjwt({{QStringLiteral("mode"), QStringLiteral("sign")},
                                                 {QStringLiteral("claims"), claimsLike(m_pair.access)},
                                                 {QStringLiteral("key"), secretKeyText()},
                                                 {QStringLiteral("alg"), QStringLiteral("HS256")}});
    QVERIFY2(signedByPy.ok, qPrintable(signedByPy.error));
    const QByteArray token = signedByPy.output;
    QVERIFY(token != m_pair.access);
    const HttpResponse response = m_fx->rest.me(RestClient::bearer(token));
    EXPECT_REST_SUCCESS(response);
    QCOMPARE(response.object().value(QStringLiteral("auth")).toString(), QStringLiteral("bearer"));
    QCOMPARE(response.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(),
             QStringLiteral("admin"));
    EXPECT_STATUS(m_fx->flex.session(token), 200); // one verifier for every dialect

    // It belongs to the real session: logging that session out kills it too.
    EXPECT_STATUS(m_fx->rest.logout(RestClient::bearer(m_pair.access)), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(token)), 401);
}

void RestInteropTest::pyJwtTokenRefused_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("claimToChange");
    QTest::newRow("HS512 same key") << QStringLiteral("HS512") << TestConstants::secretKey() << QString();
    QTest::newRow("HS384 same key") << QStringLiteral("HS384") << TestConstants::secretKey() << QString();
    QTest::newRow("HS256 other key") << QStringLiteral("HS256") << QByteArray("another-secret-key-7d1f0c2a9b-xyz")
                                     << QString();
    QTest::newRow("none") << QStringLiteral("none") << QByteArray() << QString();
    QTest::newRow("HS256 other issuer") << QStringLiteral("HS256") << TestConstants::secretKey()
                                        << QStringLiteral("iss");
    QTest::newRow("HS256 expired") << QStringLiteral("HS256") << TestConstants::secretKey() << QStringLiteral("exp");
    QTest::newRow("HS256 type refresh") << QStringLiteral("HS256") << TestConstants::secretKey()
                                        << QStringLiteral("type");
    QTest::newRow("HS256 unknown session")
        << QStringLiteral("HS256") << TestConstants::secretKey() << QStringLiteral("sid");
}

void RestInteropTest::pyJwtTokenRefused()
{
    QFETCH(QString, alg);
    QFETCH(QByteArray, key);
    QFETCH(QString, claimToChange);
    QJsonObject claims = claimsLike(m_pair.access);
    if (claimToChange == u"iss")
        claims.insert(QStringLiteral("iss"), QStringLiteral("someone-else"));
    else if (claimToChange == u"exp")
        claims.insert(QStringLiteral("exp"), m_fx->server.clock().nowSecs() - 1);
    else if (claimToChange == u"type")
        claims.insert(QStringLiteral("type"), QStringLiteral("refresh"));
    else if (claimToChange == u"sid")
        claims.insert(QStringLiteral("sid"), QStringLiteral("no-such-session"));
    const PythonTool::Result signedByPy = pyjwt({{QStringLiteral("mode"), QStringLiteral("sign")},
                                                 {QStringLiteral("claims"), claims},
                                                 {QStringLiteral("key"), QString::fromUtf8(key)},
                                                 {QStringLiteral("alg"), alg}});
    QVERIFY2(signedByPy.ok, qPrintable(signedByPy.error));
    QCOMPARE(JwtForge::header(signedByPy.output).value(QStringLiteral("alg")).toString(), alg);
    EXPECT_REST_ERROR(m_fx->rest.me(RestClient::bearer(signedByPy.output)), 401, QStringLiteral("unauthorized"));
    EXPECT_STATUS(m_fx->flex.session(signedByPy.output), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(m_pair.access)), 200); // the real one still works
}

QTEST_GUILESS_MAIN(RestInteropTest)
#include "rest_interop.moc"
