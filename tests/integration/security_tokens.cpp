// Every way a bearer token can be wrong, made by the tests' own JWS code (not the server's
// jose module): each must get 401 {"error": "Unauthorized"} on every protected flex
// endpoint, while the controls (the real token, a correctly forged one, one second before
// exp) get in.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/jwtforge.h"
#include "tests/testsupport/testhelpers.h"

#include <QTest>

#include <memory>
#include <optional>
#include <tuple>

namespace {

QJsonObject hs(const QString& alg)
{
    return QJsonObject{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

// The claim with the same JSON type as the original but a value no session has.
QJsonValue unknownLike(const QJsonValue& original)
{
    if (original.isDouble())
        return QJsonValue(987654321.0);
    return QJsonValue(QStringLiteral("3f1c9a1e-0000-4000-8000-00000000dead"));
}

QJsonObject edited(QJsonObject claims, const QString& key, const QJsonValue& value)
{
    if (value.isUndefined())
        claims.remove(key);
    else
        claims.insert(key, value);
    return claims;
}

} // namespace

class SecurityTokensTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bearer_data();
    void bearer();
    void basicCredential();
    void malformedAuthorization_data();
    void malformedAuthorization();

private:
    QByteArray makeToken(const QString& kind, const QByteArray& valid);

    std::unique_ptr<FlexFixture> m_fx;
};

void SecurityTokensTest::init()
{
    m_fx = std::make_unique<FlexFixture>([](Config& config) { config.globalRateLimitRps = 0; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
}

void SecurityTokensTest::cleanup()
{
    m_fx.reset();
}

// What a forger starts from: the real token, its claims, the server's key, the time.
struct TokenContext
{
    QByteArray valid;
    QJsonObject claims;
    QByteArray key;
    qint64 now = 0;
    QByteArray body() const { return valid.split('.').value(1); }
};

// Attacks on the header: other algorithms, none, no alg at all.
static std::optional<QByteArray> headerAttack(const QString& kind, const TokenContext& c)
{
    const QByteArray signature = JwtForge::signaturePart(c.valid);
    if (kind == u"alg none")
        return JwtForge::sign(hs(QStringLiteral("none")), c.claims, c.key);
    if (kind == u"alg None")
        return JwtForge::sign(hs(QStringLiteral("None")), c.claims, c.key);
    if (kind == u"alg none, signature kept")
        return JwtForge::base64Url(R"({"alg":"none","typ":"JWT"})") + '.' + c.body() + '.' + signature;
    if (kind == u"no alg")
        return JwtForge::base64Url(R"({"typ":"JWT"})") + '.' + c.body() + '.' + signature;
    if (kind == u"HS512 same key")
        return JwtForge::sign(hs(QStringLiteral("HS512")), c.claims, c.key);
    if (kind == u"HS384 same key")
        return JwtForge::sign(hs(QStringLiteral("HS384")), c.claims, c.key);
    if (kind == u"RS256 header, HS256 signature") {
        const QByteArray input = JwtForge::base64Url(R"({"alg":"RS256","typ":"JWT"})") + '.' + c.body();
        return input + '.' + JwtForge::base64Url(JwtForge::hmac("SHA256", c.key, input));
    }
    return std::nullopt;
}

// Attacks on the signature: damaged, missing, not matching the payload, other keys.
static std::optional<QByteArray> signatureAttack(const QString& kind, const TokenContext& c)
{
    if (kind == u"flipped signature bit")
        return JwtForge::withFlippedSignatureBit(c.valid);
    if (kind == u"signature removed")
        return c.valid.left(c.valid.lastIndexOf('.') + 1);
    if (kind == u"payload edited: exp")
        return JwtForge::withPayload(c.valid, edited(c.claims, QStringLiteral("exp"), double(c.now + 365 * 86400)));
    if (kind == u"payload edited: sub")
        return JwtForge::withPayload(c.valid, edited(c.claims, QStringLiteral("sub"), unknownLike(c.claims[u"sub"])));
    if (kind == u"other key")
        return JwtForge::signHs256(c.claims, QByteArrayLiteral("some-other-key-entirely-0123456789"));
    if (kind == u"empty key")
        return JwtForge::signHs256(c.claims, QByteArray());
    return std::nullopt;
}

// Correctly signed with the server's key, with one claim changed (Undefined: removed).
static std::optional<QByteArray> claimAttack(const QString& kind, const TokenContext& c)
{
    const QJsonValue removed = QJsonValue::Undefined;
    const std::tuple<const char*, const char*, QJsonValue> edits[] = {
        {"type refresh", "type", QStringLiteral("refresh")},
        {"type missing", "type", removed},
        {"iss wrong", "iss", QStringLiteral("evil")},
        {"iss missing", "iss", removed},
        {"exp missing", "exp", removed},
        {"exp past", "exp", double(c.now - 1)},
        {"exp now", "exp", double(c.now)},
        {"nbf future", "nbf", double(c.now + 3600)},
        {"sid unknown", "sid", unknownLike(c.claims[u"sid"])},
        {"sid missing", "sid", removed},
        {"forged, correct", "jti", QStringLiteral("forged-jti-1")},
    };
    for (const auto& [name, claim, value] : edits) {
        if (kind == QLatin1String(name))
            return JwtForge::signHs256(edited(c.claims, QString::fromLatin1(claim), value), c.key);
    }
    return std::nullopt;
}

QByteArray SecurityTokensTest::makeToken(const QString& kind, const QByteArray& valid)
{
    if (kind == u"valid" || kind == u"just before exp" || kind == u"at exp" || kind == u"after exp")
        return valid;
    if (kind == u"logged out")
        return m_fx->flex.logout(valid).status == 200 ? valid : QByteArrayLiteral("<logout failed>");
    const TokenContext context{valid, JwtForge::payload(valid), TestConstants::secretKey(),
                               m_fx->server.clock().nowSecs()};
    for (const auto& attack : {headerAttack, signatureAttack, claimAttack}) {
        if (const auto token = attack(kind, context))
            return *token;
    }
    return QByteArrayLiteral("<unknown case>");
}

void SecurityTokensTest::bearer_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("advanceSecs");
    QTest::addColumn<bool>("accepted");
    const auto row = [](const char* kind, int advance, bool accepted) {
        QTest::newRow(kind) << QString::fromUtf8(kind) << advance << accepted;
    };
    row("valid", 0, true);
    row("forged, correct", 0, true);
    row("just before exp", 86399, true);
    row("at exp", 86400, false); // exp is exclusive
    row("after exp", 86401 + 3600, false);
    for (const char* kind : {"alg none",
                             "alg None",
                             "alg none, signature kept",
                             "no alg",
                             "HS512 same key",
                             "HS384 same key",
                             "RS256 header, HS256 signature",
                             "flipped signature bit",
                             "signature removed",
                             "payload edited: exp",
                             "payload edited: sub",
                             "other key",
                             "empty key",
                             "type refresh",
                             "type missing",
                             "iss wrong",
                             "iss missing",
                             "exp missing",
                             "exp past",
                             "exp now",
                             "nbf future",
                             "sid unknown",
                             "sid missing",
                             "logged out"})
        row(kind, 0, false);
}

void SecurityTokensTest::bearer()
{
    QFETCH(QString, kind);
    QFETCH(int, advanceSecs);
    QFETCH(bool, accepted);
    const QByteArray valid = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!valid.isEmpty());
    const QByteArray token = makeToken(kind, valid);
    QVERIFY2(!token.startsWith('<'), token.constData());
    m_fx->server.clock().advanceSecs(advanceSecs);

    const HttpResponse session = m_fx->flex.session(token);
    const HttpResponse other = m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), token);
    if (accepted) {
        EXPECT_STATUS(session, 200);
        EXPECT_STATUS(other, 404);
        return;
    }
    for (const HttpResponse& response : {session, other, m_fx->flex.setPassword(TestPasswords::second(), token),
                                         m_fx->flex.removePassword(token), m_fx->flex.logout(token)}) {
        EXPECT_STATUS(response, 401);
        EXPECT_BODY(response, QJsonObject{{QStringLiteral("error"), QStringLiteral("Unauthorized")}});
    }
    // None of the refused calls changed anything.
    EXPECT_BODY(m_fx->flex.status(), QJsonObject{{QStringLiteral("auth_enabled"), true}});
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void SecurityTokensTest::basicCredential()
{
    // API.md: Basic is honoured on every protected endpoint of every dialect.
    const auto basic = [](const QString& user, const QString& password) { return HttpClient::basic(user, password); };
    const QUrl pipeline = m_fx->server.url(QStringLiteral("/flex/pipeline"));
    EXPECT_STATUS(m_fx->http.get(pipeline, basic(QStringLiteral("admin"), TestPasswords::first())), 404);
    const HttpResponse wrong = m_fx->http.get(pipeline, basic(QStringLiteral("admin"), TestPasswords::wrong()));
    EXPECT_STATUS(wrong, 401);
    EXPECT_BODY(wrong, QJsonObject{{QStringLiteral("error"), QStringLiteral("Unauthorized")}});
    EXPECT_STATUS(m_fx->http.get(pipeline, basic(QStringLiteral("nobody"), TestPasswords::first())), 401);
}

void SecurityTokensTest::malformedAuthorization_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("empty bearer") << QByteArray("Bearer ");
    QTest::newRow("bearer only") << QByteArray("Bearer");
    QTest::newRow("garbage") << QByteArray("Bearer abc");
    QTest::newRow("two segments") << QByteArray("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0");
    QTest::newRow("four segments") << QByteArray("Bearer a.b.c.d");
    QTest::newRow("not base64") << QByteArray("Bearer ***.***.***");
    QTest::newRow("fake api token") << QByteArray("Bearer gatehouse_0123456789abcdefghijABCDEFGHIJ0123456789");
    QTest::newRow("unknown scheme") << QByteArray("Token abc");
    QTest::newRow("basic garbage") << QByteArray("Basic !!!notbase64");
    QTest::newRow("basic no colon") << QByteArray("Basic YWRtaW4=");
    QTest::newRow("huge") << QByteArray("Bearer ") + QByteArray(8000, 'a');
}

void SecurityTokensTest::malformedAuthorization()
{
    QFETCH(QByteArray, authorization);
    const HttpResponse response =
        m_fx->http.get(m_fx->server.url(QStringLiteral("/flex/auth/session")), {{"Authorization", authorization}});
    EXPECT_STATUS(response, 401);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("error"), QStringLiteral("Unauthorized")}});
}

QTEST_GUILESS_MAIN(SecurityTokensTest)
#include "security_tokens.moc"
