#include "crypto/jose.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

Q_DECLARE_METATYPE(JwtError)

namespace {

const QByteArray Key = QByteArray::fromHex("8f1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff0");
const QString Issuer = QStringLiteral("gatehouse");
constexpr qint64 Now = 1700000000;

QByteArray b64(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Builds a token with Qt's own HMAC, independent of the code under test.
QByteArray makeToken(const QByteArray& header, const QByteArray& payload, const QByteArray& key = Key,
                     QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, algorithm));
}

QByteArray hs256Header()
{
    return R"({"alg":"HS256","typ":"JWT"})";
}

QByteArray payload(qint64 exp = Now + 60, const QByteArray& extra = {})
{
    return R"({"iss":"gatehouse","sub":"42","sid":"s1","jti":"j1","type":"access","iat":)" + QByteArray::number(Now)
        + R"(,"exp":)" + QByteArray::number(exp) + extra + "}";
}

QString python()
{
    // Debian's interpreter: it is the one python3-jwt is installed for.
    const QString debian = QStringLiteral("/usr/bin/python3");
    return QFile::exists(debian) ? debian : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// Runs a Python snippet; argv[1] is the hex key, further arguments follow.
QByteArray runPython(const QString& script, const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.start(python(), QStringList{QStringLiteral("-c"), script, QString::fromLatin1(Key.toHex())} + arguments);
    *ok = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!*ok)
        qWarning().noquote() << process.readAllStandardError();
    return process.readAllStandardOutput().trimmed();
}

} // namespace

class TestJose : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515AppendixA1()
    {
        const QByteArray key = QByteArray::fromBase64(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
            QByteArray::Base64UrlEncoding);
        const QByteArray token =
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        QVERIFY(JwtHs256::verifySignatureOnly(token, key));
        const JwtHs256 jwt(key, QStringLiteral("joe"));
        const JwtVerification valid = jwt.verify(token, 1300819379, {});
        QCOMPARE(valid.error, JwtError::None);
        QCOMPARE(valid.claims.issuer, QStringLiteral("joe"));
        QCOMPARE(valid.claims.expiresAt, 1300819380);
        QCOMPARE(jwt.verify(token, 1300819380, {}).error, JwtError::Expired);

        QByteArray flipped = token;
        flipped[flipped.size() - 5] = flipped[flipped.size() - 5] == 'E' ? 'F' : 'E';
        QVERIFY(!JwtHs256::verifySignatureOnly(flipped, key));
        QCOMPARE(jwt.verify(flipped, 1300819379, {}).error, JwtError::BadSignature);
    }

    void roundTrip()
    {
        const JwtHs256 jwt(Key, Issuer);
        JwtClaims claims;
        claims.subject = QStringLiteral("42");
        claims.sessionId = QStringLiteral("session-ü");
        claims.tokenId = QStringLiteral("jti-1");
        claims.type = QStringLiteral("access");
        claims.issuedAt = Now;
        claims.expiresAt = Now + 3600;
        claims.notBefore = Now - 5;
        const QByteArray token = jwt.sign(claims);
        QVERIFY(token.startsWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
        const JwtVerification result = jwt.verify(token, Now, u"access");
        QCOMPARE(result.error, JwtError::None);
        QCOMPARE(result.claims.issuer, Issuer);
        QCOMPARE(result.claims.subject, claims.subject);
        QCOMPARE(result.claims.sessionId, claims.sessionId);
        QCOMPARE(result.claims.tokenId, claims.tokenId);
        QCOMPARE(result.claims.type, claims.type);
        QCOMPARE(result.claims.issuedAt, claims.issuedAt);
        QCOMPARE(result.claims.expiresAt, claims.expiresAt);
        QCOMPARE(result.claims.notBefore, claims.notBefore);
        QCOMPARE(
            makeToken(hs256Header(), QByteArray::fromBase64(token.split('.').at(1), QByteArray::Base64UrlEncoding)),
            token);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("expectedType");
        QTest::addColumn<JwtError>("error");

        const QByteArray good = makeToken(hs256Header(), payload());
        QTest::newRow("valid") << good << Now << u"access"_qs << JwtError::None;
        QTest::newRow("valid, any type") << good << Now << QString() << JwtError::None;

        // Algorithm confusion: all refused before a MAC is computed.
        const QByteArray noneInput = b64(R"({"alg":"none","typ":"JWT"})") + '.' + b64(payload());
        QTest::newRow("alg none, empty signature") << noneInput + '.' << Now << QString() << JwtError::BadAlgorithm;
        QTest::newRow("alg none, HS256 signature")
            << makeToken(R"({"alg":"none"})", payload()) << Now << QString() << JwtError::BadAlgorithm;
        QTest::newRow("HS512 with the same key")
            << makeToken(R"({"alg":"HS512","typ":"JWT"})", payload(), Key, QCryptographicHash::Sha512) << Now
            << QString() << JwtError::BadAlgorithm;
        QTest::newRow("RS256 header, HMAC with our key")
            << makeToken(R"({"alg":"RS256","typ":"JWT"})", payload()) << Now << QString() << JwtError::BadAlgorithm;
        QTest::newRow("alg lowercase") << makeToken(R"({"alg":"hs256"})", payload()) << Now << QString()
                                       << JwtError::BadAlgorithm;
        QTest::newRow("alg missing") << makeToken(R"({"typ":"JWT"})", payload()) << Now << QString()
                                     << JwtError::BadAlgorithm;
        QTest::newRow("alg not a string")
            << makeToken(R"({"alg":256})", payload()) << Now << QString() << JwtError::BadAlgorithm;
        QTest::newRow("crit") << makeToken(R"({"alg":"HS256","crit":["exp"]})", payload()) << Now << QString()
                              << JwtError::BadAlgorithm;

        QByteArray flipped = good;
        flipped[flipped.size() - 3] = flipped[flipped.size() - 3] == 'A' ? 'B' : 'A';
        QTest::newRow("flipped signature byte") << flipped << Now << QString() << JwtError::BadSignature;
        const QList<QByteArray> parts = good.split('.');
        const QByteArray edited = parts[0] + '.' + b64(payload(Now + 999999)) + '.' + parts[2];
        QTest::newRow("edited payload") << edited << Now << QString() << JwtError::BadSignature;
        QTest::newRow("other key") << makeToken(hs256Header(), payload(), QByteArray(32, 'k')) << Now << QString()
                                   << JwtError::BadSignature;
        QTest::newRow("signature cut short")
            << good.left(good.size() - 11) << Now << QString() << JwtError::BadSignature;

        QTest::newRow("expired: now == exp") << good << Now + 60 << QString() << JwtError::Expired;
        QTest::newRow("last valid second") << good << Now + 59 << QString() << JwtError::None;
        QTest::newRow("nbf in the future") << makeToken(hs256Header(),
                                                        payload(Now + 60,
                                                                R"(,"nbf":)"
                                                                "1700000010"))
                                           << Now << QString() << JwtError::NotYetValid;
        QTest::newRow("nbf now") << makeToken(hs256Header(),
                                              payload(Now + 60,
                                                      R"(,"nbf":)"
                                                      "1700000000"))
                                 << Now << QString() << JwtError::None;
        QTest::newRow("wrong iss") << makeToken(hs256Header(), R"({"iss":"evil","type":"access","exp":1700000060})")
                                   << Now << QString() << JwtError::WrongIssuer;
        QTest::newRow("no iss") << makeToken(hs256Header(), R"({"type":"access","exp":1700000060})") << Now << QString()
                                << JwtError::WrongIssuer;
        QTest::newRow("refresh where access expected")
            << makeToken(hs256Header(), R"({"iss":"gatehouse","type":"refresh","exp":1700000060})") << Now
            << u"access"_qs << JwtError::WrongType;
        QTest::newRow("no type where access expected")
            << makeToken(hs256Header(), R"({"iss":"gatehouse","exp":1700000060})") << Now << u"access"_qs
            << JwtError::WrongType;
        QTest::newRow("refresh, any type")
            << makeToken(hs256Header(), R"({"iss":"gatehouse","type":"refresh","exp":1700000060})") << Now << QString()
            << JwtError::None;

        QTest::newRow("exp missing") << makeToken(hs256Header(), R"({"iss":"gatehouse","type":"access"})") << Now
                                     << QString() << JwtError::Malformed;
        QTest::newRow("exp a string") << makeToken(hs256Header(), R"({"iss":"gatehouse","exp":"1700000060"})") << Now
                                      << QString() << JwtError::Malformed;
        QTest::newRow("exp fractional") << makeToken(hs256Header(), R"({"iss":"gatehouse","exp":1700000060.5})") << Now
                                        << QString() << JwtError::Malformed;
        QTest::newRow("sub a number") << makeToken(hs256Header(), R"({"iss":"gatehouse","sub":42,"exp":1700000060})")
                                      << Now << QString() << JwtError::Malformed;
        QTest::newRow("payload not JSON")
            << makeToken(hs256Header(), "not json") << Now << QString() << JwtError::Malformed;
        QTest::newRow("payload an array")
            << makeToken(hs256Header(), "[1,2]") << Now << QString() << JwtError::Malformed;
        QTest::newRow("typ JWS") << makeToken(R"({"alg":"HS256","typ":"JWS"})", payload()) << Now << QString()
                                 << JwtError::Malformed;

        QTest::newRow("empty") << QByteArray() << Now << QString() << JwtError::Malformed;
        QTest::newRow("garbage") << QByteArray("garbage") << Now << QString() << JwtError::Malformed;
        QTest::newRow("two parts") << parts[0] + '.' + parts[1] << Now << QString() << JwtError::Malformed;
        QTest::newRow("four parts") << good + ".x" << Now << QString() << JwtError::Malformed;
        QTest::newRow("empty header") << '.' + parts[1] + '.' + parts[2] << Now << QString() << JwtError::Malformed;
        QTest::newRow("padded signature") << good + "=" << Now << QString() << JwtError::Malformed;
        // 16 bytes: standard base64 ends it with "==".
        const QByteArray paddedHeader = QByteArray(R"({"alg":"HS256" })").toBase64(QByteArray::Base64UrlEncoding);
        QTest::newRow("padded header") << paddedHeader + '.' + parts[1] + '.' + parts[2] << Now << QString()
                                       << JwtError::Malformed;
        QByteArray standardAlphabet = parts[2];
        standardAlphabet.replace('_', '/').replace('-', '+').append("+/");
        QTest::newRow("standard base64 chars")
            << parts[0] + '.' + parts[1] + '.' + standardAlphabet << Now << QString() << JwtError::Malformed;
        QTest::newRow("whitespace") << good + ' ' << Now << QString() << JwtError::Malformed;
        QTest::newRow("huge") << QByteArray(100000, 'a') << Now << QString() << JwtError::Malformed;
    }

    void refusals()
    {
        QFETCH(QByteArray, token);
        QFETCH(qint64, now);
        QFETCH(QString, expectedType);
        QFETCH(JwtError, error);
        const JwtHs256 jwt(Key, Issuer);
        const JwtVerification result = jwt.verify(token, now, expectedType);
        QCOMPARE(result.error, error);
        QCOMPARE(result.ok(), error == JwtError::None);
    }

    void pyjwtSignsWeVerify()
    {
        bool ok = false;
        const QByteArray token = runPython(QStringLiteral(R"(
import sys, jwt
key = bytes.fromhex(sys.argv[1])
claims = {"iss": "gatehouse", "sub": "42", "sid": "s-1", "jti": "j-1", "type": "access",
          "iat": int(sys.argv[2]), "exp": int(sys.argv[2]) + 60}
print(jwt.encode(claims, key, algorithm="HS256"))
)"),
                                           {QString::number(Now)}, &ok);
        QVERIFY(ok);
        const JwtVerification result = JwtHs256(Key, Issuer).verify(token, Now, u"access");
        QCOMPARE(result.error, JwtError::None);
        QCOMPARE(result.claims.subject, u"42"_qs);
        QCOMPARE(result.claims.sessionId, u"s-1"_qs);
        QCOMPARE(result.claims.tokenId, u"j-1"_qs);
        QCOMPARE(result.claims.expiresAt, Now + 60);
    }

    void weSignPyjwtVerifies()
    {
        JwtClaims claims;
        claims.subject = QStringLiteral("7");
        claims.sessionId = QStringLiteral("sid");
        claims.tokenId = QStringLiteral("jti");
        claims.type = QStringLiteral("refresh");
        claims.issuedAt = QDateTime::currentSecsSinceEpoch();
        claims.expiresAt = claims.issuedAt + 600;
        const QByteArray token = JwtHs256(Key, Issuer).sign(claims);
        bool ok = false;
        const QByteArray output = runPython(QStringLiteral(R"(
import sys, json, jwt
key = bytes.fromhex(sys.argv[1])
claims = jwt.decode(sys.argv[2], key, algorithms=["HS256"], issuer="gatehouse",
                    options={"require": ["exp", "iat", "iss"]})
print(json.dumps({"header": jwt.get_unverified_header(sys.argv[2]), "claims": claims}))
)"),
                                            {QString::fromLatin1(token)}, &ok);
        QVERIFY(ok);
        const QJsonObject decoded = QJsonDocument::fromJson(output).object();
        QCOMPARE(decoded.value(u"header").toObject().value(u"alg").toString(), u"HS256"_qs);
        QCOMPARE(decoded.value(u"header").toObject().value(u"typ").toString(), u"JWT"_qs);
        const QJsonObject got = decoded.value(u"claims").toObject();
        QCOMPARE(got.value(u"sub").toString(), claims.subject);
        QCOMPARE(got.value(u"sid").toString(), claims.sessionId);
        QCOMPARE(got.value(u"jti").toString(), claims.tokenId);
        QCOMPARE(got.value(u"type").toString(), claims.type);
        QCOMPARE(got.value(u"iat").toInteger(), claims.issuedAt);
        QCOMPARE(got.value(u"exp").toInteger(), claims.expiresAt);
        QVERIFY(!got.contains(u"nbf"));
    }

    void pyjwtForgeriesRefused_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("keyExpression");
        QTest::addColumn<JwtError>("error");
        QTest::newRow("HS512, same key") << u"HS512"_qs << u"key"_qs << JwtError::BadAlgorithm;
        QTest::newRow("HS384, same key") << u"HS384"_qs << u"key"_qs << JwtError::BadAlgorithm;
        QTest::newRow("HS256, other key")
            << u"HS256"_qs << u"b'another key of 32 bytes......'"_qs << JwtError::BadSignature;
    }

    void pyjwtForgeriesRefused()
    {
        QFETCH(QString, algorithm);
        QFETCH(QString, keyExpression);
        QFETCH(JwtError, error);
        bool ok = false;
        const QByteArray token = runPython(QStringLiteral(R"(
import sys, jwt
key = bytes.fromhex(sys.argv[1])
claims = {"iss": "gatehouse", "sub": "42", "type": "access", "iat": int(sys.argv[2]), "exp": int(sys.argv[2]) + 60}
print(jwt.encode(claims, %1, algorithm=sys.argv[3]))
)")
                                               .arg(keyExpression),
                                           {QString::number(Now), algorithm}, &ok);
        QVERIFY(ok);
        QCOMPARE(JwtHs256(Key, Issuer).verify(token, Now, u"access").error, error);
    }
};

QTEST_GUILESS_MAIN(TestJose)
#include "crypto_jose.moc"
