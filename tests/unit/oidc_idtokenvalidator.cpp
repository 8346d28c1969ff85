#include "oidc/idtokenvalidator.h"
#include "tests/testsupport/pythontool.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(IdTokenError)

namespace {

constexpr qint64 Now = 1700000000;
const QString Issuer = QStringLiteral("https://idp.example");
const QString ClientId = QStringLiteral("gatehouse-client");
const QString Nonce = QStringLiteral("n-0S6_WzA2Mj");

// The ID tokens PyJWT signs for these tests: the base claims, then per token the key, the
// alg, extra header members and claim changes (null removes a claim). Keys: rsa (kid rsa-1,
// alg RS256 in its JWK), ec (kid ec-1, no alg), ed (kid ed-1, alg EdDSA); rsa-other is in no
// JWKS; "hs256-public-key" is the confusion forgery. `by_hand` tokens are assembled without
// jwt.encode, which refuses to write them (a numeric kid, the public key as HMAC secret).
// URLs are written with JSON's `\/` for `/`: moc takes a `//` in a raw string for a comment.
const QByteArray TokenSpecs = R"({
"base": {"iss": "https:\/\/idp.example", "sub": "248289761001", "aud": "gatehouse-client",
         "nonce": "n-0S6_WzA2Mj", "iat": 1700000000, "exp": 1700000300, "email": "jane@example.org",
         "email_verified": true, "preferred_username": "jane", "name": "Jane Doe"},
"tokens": {
  "rs256": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}},
  "es256": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"}},
  "eddsa": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}},
  "rs256 no kid": {"key": "rsa", "alg": "RS256"},
  "es256 no kid": {"key": "ec", "alg": "ES256"},
  "wrong iss": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"iss": "https:\/\/evil.example"}},
  "iss with slash": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"iss": "https:\/\/idp.example/"}},
  "no iss": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"iss": null}},
  "other client": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"}, "claims": {"aud": "other-client"}},
  "aud array": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"}, "claims": {"aud": ["gatehouse-client"]}},
  "audiences, no azp": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"},
                        "claims": {"aud": ["gatehouse-client", "other-client"]}},
  "audiences, other azp": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"},
                           "claims": {"aud": ["gatehouse-client", "other-client"], "azp": "other-client"}},
  "audiences, our azp": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"},
                         "claims": {"aud": ["other-client", "gatehouse-client"], "azp": "gatehouse-client"}},
  "azp of another client": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"}, "claims": {"azp": "other-client"}},
  "aud a number": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"}, "claims": {"aud": 7}},
  "no aud": {"key": "ec", "alg": "ES256", "header": {"kid": "ec-1"}, "claims": {"aud": null}},
  "iat +61": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"iat": 1700000061}},
  "iat +60": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"iat": 1700000060}},
  "nbf +61": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"nbf": 1700000061}},
  "nbf +60": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"nbf": 1700000060}},
  "exp fraction": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"exp": 1700000300.75}},
  "exp a string": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"exp": "1700000300"}},
  "exp huge": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"exp": 1e300}},
  "no exp": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"exp": null}},
  "no iat": {"key": "ed", "alg": "EdDSA", "header": {"kid": "ed-1"}, "claims": {"iat": null}},
  "wrong nonce": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"nonce": "n-0S6_WzA2MJ"}},
  "nonce prefix": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"nonce": "n-0S6_WzA2M"}},
  "no nonce": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"nonce": null}},
  "no sub": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"sub": null}},
  "empty sub": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"sub": ""}},
  "sub a number": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"}, "claims": {"sub": 248289761001}},
  "email_verified string": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1"},
                            "claims": {"email_verified": "true"}},
  "alg none": {"key": "none", "alg": "none", "header": {"kid": "rsa-1"}},
  "hs256 public key": {"key": "hs256-public-key", "alg": "HS256", "by_hand": true, "header": {"kid": "rsa-1"}},
  "rs256 on the ec kid": {"key": "rsa", "alg": "RS256", "header": {"kid": "ec-1"}},
  "rs256 other key": {"key": "rsa-other", "alg": "RS256", "header": {"kid": "rsa-1"}},
  "rs512": {"key": "rsa", "alg": "RS512", "header": {"kid": "rsa-1"}},
  "ps256": {"key": "rsa", "alg": "PS256", "header": {"kid": "rsa-1"}},
  "unknown kid": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-2"}},
  "kid a number": {"key": "rsa", "alg": "RS256", "by_hand": true, "header": {"kid": 1}},
  "crit": {"key": "rsa", "alg": "RS256", "header": {"kid": "rsa-1", "crit": ["exp"]}},
  "own jwk and jku": {"key": "rsa-other", "alg": "RS256", "embed_jwk": "rsa-other",
                      "header": {"kid": "attacker", "jku": "https:\/\/evil.example/jwks"}},
  "own jwk, no kid": {"key": "rsa-other", "alg": "RS256", "embed_jwk": "rsa-other"}
}})";

const char SignerScript[] = R"(
import sys, json, hmac, hashlib, base64, jwt
from jwt.algorithms import RSAAlgorithm, ECAlgorithm, OKPAlgorithm, get_default_algorithms
from cryptography.hazmat.primitives.asymmetric import rsa, ec, ed25519
from cryptography.hazmat.primitives import serialization

spec = json.load(sys.stdin)
keys = {"rsa": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "rsa-other": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "ec": ec.generate_private_key(ec.SECP256R1()),
        "ed": ed25519.Ed25519PrivateKey.generate()}
encoders = {"rsa": RSAAlgorithm, "rsa-other": RSAAlgorithm, "ec": ECAlgorithm, "ed": OKPAlgorithm}

def public_jwk(name, **members):
    jwk = json.loads(encoders[name].to_jwk(keys[name].public_key()))
    jwk.update(members)
    return jwk

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def signer(name, alg):
    if name == "hs256-public-key":  # the public key, as anyone can fetch it from the JWKS
        secret = keys["rsa"].public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)
        return lambda message: hmac.new(secret, message, hashlib.sha256).digest()
    return lambda message: get_default_algorithms()[alg].sign(message, keys[name])

def by_hand(header, claims, sign):
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    return signing_input + "." + b64(sign(signing_input.encode()))

tokens = {}
for name, entry in spec["tokens"].items():
    claims = dict(spec["base"])
    for claim, value in entry.get("claims", {}).items():
        if value is None:
            claims.pop(claim)
        else:
            claims[claim] = value
    header = dict(entry.get("header", {}))
    if "embed_jwk" in entry:
        header["jwk"] = public_jwk(entry["embed_jwk"])
    if entry.get("by_hand"):
        tokens[name] = by_hand(dict(header, alg=entry["alg"], typ="JWT"), claims, signer(entry["key"], entry["alg"]))
    else:
        key = None if entry["key"] == "none" else keys[entry["key"]]
        tokens[name] = jwt.encode(claims, key, algorithm=entry["alg"], headers=header)

jwks = {"keys": [public_jwk("rsa", kid="rsa-1", use="sig", alg="RS256"), public_jwk("ec", kid="ec-1", use="sig"),
                 public_jwk("ed", kid="ed-1", use="sig", alg="EdDSA")]}
print(json.dumps({"jwks": jwks, "tokens": tokens}))
)";

IdTokenExpectations expectations(qint64 now = Now, QStringList algorithms = {})
{
    IdTokenExpectations expected;
    expected.issuer = Issuer;
    expected.clientId = ClientId;
    expected.nonce = Nonce;
    expected.nowSecs = now;
    expected.algorithms = algorithms.isEmpty()
        ? QStringList{QStringLiteral("RS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")}
        : algorithms;
    return expected;
}

QByteArray b64(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class TestIdTokenValidator : public QObject
{
    Q_OBJECT

private:
    std::optional<JwkSet> m_keys;
    QHash<QString, QByteArray> m_tokens;

    QByteArray token(const QString& name) const
    {
        if (!m_tokens.contains(name))
            qFatal("no token %s", qPrintable(name));
        return m_tokens.value(name);
    }

private slots:
    void initTestCase()
    {
        QJsonObject spec = QJsonDocument::fromJson(TokenSpecs).object();
        QVERIFY(!spec.isEmpty());
        // A validly signed token with a 20 KB claim: refused for its size, before any parsing.
        QJsonObject tokens = spec.value(u"tokens").toObject();
        tokens.insert(u"oversized"_qs,
                      QJsonObject{{u"key"_qs, u"rsa"_qs},
                                  {u"alg"_qs, u"RS256"_qs},
                                  {u"header"_qs, QJsonObject{{u"kid"_qs, u"rsa-1"_qs}}},
                                  {u"claims"_qs, QJsonObject{{u"pad"_qs, QString(20000, u'x')}}}});
        spec.insert(u"tokens"_qs, tokens);
        const PythonTool::Result signer =
            PythonTool::run(QString::fromLatin1(SignerScript), QJsonDocument(spec).toJson(QJsonDocument::Compact));
        QVERIFY2(signer.ok, qPrintable(signer.error));
        const QJsonObject output = QJsonDocument::fromJson(signer.output).object();
        QString error;
        m_keys = JwkSet::fromJson(QJsonDocument(output.value(u"jwks").toObject()).toJson(), &error);
        QVERIFY2(m_keys, qPrintable(error));
        QCOMPARE(m_keys->size(), 3);
        const QJsonObject signedTokens = output.value(u"tokens").toObject();
        for (auto it = signedTokens.constBegin(); it != signedTokens.constEnd(); ++it)
            m_tokens.insert(it.key(), it.value().toString().toLatin1());
        QCOMPARE(m_tokens.size(), tokens.size());
    }

    void pyjwtTokens_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QStringList>("algorithms");
        QTest::addColumn<IdTokenError>("error");
        const auto row = [&](const char* label, const char* name, IdTokenError error, qint64 now = Now,
                             const QStringList& algorithms = {}) {
            QTest::newRow(label) << QString::fromLatin1(name) << now << algorithms << error;
        };
        using E = IdTokenError;
        row("RS256", "rs256", E::None);
        row("ES256", "es256", E::None);
        row("EdDSA", "eddsa", E::None);
        row("RS256 without kid", "rs256 no kid", E::None);
        row("ES256 without kid", "es256 no kid", E::None);
        row("wrong iss", "wrong iss", E::WrongIssuer);
        row("iss with a trailing slash", "iss with slash", E::WrongIssuer);
        row("no iss", "no iss", E::MissingClaim);
        row("aud for another client", "other client", E::WrongAudience);
        row("aud an array with us", "aud array", E::None);
        row("several audiences, no azp", "audiences, no azp", E::WrongAudience);
        row("several audiences, other azp", "audiences, other azp", E::WrongAudience);
        row("several audiences, our azp", "audiences, our azp", E::None);
        row("one audience, azp of another", "azp of another client", E::WrongAudience);
        row("aud a number", "aud a number", E::Malformed);
        row("no aud", "no aud", E::MissingClaim);
        // exp 1700000300 with 60 s of leeway: accepted up to exp + 60, refused after.
        row("exp within leeway", "rs256", E::None, Now + 360);
        row("expired beyond leeway", "rs256", E::Expired, Now + 361);
        row("long expired", "es256", E::Expired, Now + 86400);
        row("iat 61 s ahead", "iat +61", E::IssuedInFuture);
        row("iat 60 s ahead", "iat +60", E::None);
        row("nbf 61 s ahead", "nbf +61", E::NotYetValid);
        row("nbf 60 s ahead", "nbf +60", E::None);
        row("exp with a fraction", "exp fraction", E::None);
        row("exp a string", "exp a string", E::Malformed);
        row("exp huge", "exp huge", E::Malformed);
        row("no exp", "no exp", E::MissingClaim);
        row("no iat", "no iat", E::MissingClaim);
        row("wrong nonce (case)", "wrong nonce", E::WrongNonce);
        row("nonce prefix", "nonce prefix", E::WrongNonce);
        row("no nonce", "no nonce", E::MissingClaim);
        row("no sub", "no sub", E::MissingClaim);
        row("empty sub", "empty sub", E::MissingClaim);
        row("sub a number", "sub a number", E::Malformed);
        // Algorithm confusion and key choice.
        row("alg none", "alg none", E::UnsupportedAlgorithm);
        row("alg none, even if allowed", "alg none", E::UnsupportedAlgorithm, Now, {u"none"_qs, u"RS256"_qs});
        row("HS256 with the RSA public key as secret", "hs256 public key", E::UnsupportedAlgorithm, Now,
            {u"HS256"_qs, u"RS256"_qs});
        row("RS256 token on the EC key's kid", "rs256 on the ec kid", E::BadSignature);
        row("RS256 by a key not in the set", "rs256 other key", E::BadSignature);
        row("ES256 not announced", "es256", E::UnsupportedAlgorithm, Now, {u"RS256"_qs, u"EdDSA"_qs});
        row("RS512 (not supported)", "rs512", E::UnsupportedAlgorithm, Now, {u"RS512"_qs, u"RS256"_qs});
        row("PS256 (not supported)", "ps256", E::UnsupportedAlgorithm, Now, {u"PS256"_qs});
        row("unknown kid", "unknown kid", E::UnknownKey);
        row("kid a number", "kid a number", E::Malformed);
        row("crit header", "crit", E::Malformed);
        row("jku and embedded jwk not followed", "own jwk and jku", E::UnknownKey);
        row("embedded jwk not used", "own jwk, no kid", E::BadSignature);
        row("oversized, validly signed", "oversized", E::Malformed);
    }

    void pyjwtTokens()
    {
        QFETCH(QString, name);
        QFETCH(qint64, now);
        QFETCH(QStringList, algorithms);
        QFETCH(IdTokenError, error);
        const IdTokenVerdict verdict = validateIdToken(token(name), *m_keys, expectations(now, algorithms));
        QCOMPARE(verdict.error, error);
        QCOMPARE(verdict.ok(), error == IdTokenError::None);
        if (!verdict.ok())
            QCOMPARE(verdict.claims.subject, QString()); // nothing of a refused token is handed out
    }

    void claimsOfAValidToken()
    {
        const IdTokenVerdict verdict = validateIdToken(token(u"eddsa"_qs), *m_keys, expectations());
        QVERIFY(verdict.ok());
        QCOMPARE(verdict.keyId, u"ed-1"_qs);
        QCOMPARE(verdict.claims.issuer, Issuer);
        QCOMPARE(verdict.claims.subject, u"248289761001"_qs);
        QCOMPARE(verdict.claims.email, u"jane@example.org"_qs);
        QCOMPARE(verdict.claims.preferredUsername, u"jane"_qs);
        QCOMPARE(verdict.claims.name, u"Jane Doe"_qs);
        QVERIFY(verdict.claims.emailVerified);
        QCOMPARE(verdict.claims.issuedAt, Now);
        QCOMPARE(verdict.claims.expiresAt, Now + 300);
    }

    // A string "true" is not a verified email: linking by email would hand the account of
    // jane@example.org to whoever registers that address unverified at the provider.
    void emailVerifiedOnlyForJsonTrue()
    {
        const IdTokenVerdict verdict = validateIdToken(token(u"email_verified string"_qs), *m_keys, expectations());
        QVERIFY(verdict.ok());
        QCOMPARE(verdict.claims.email, u"jane@example.org"_qs);
        QVERIFY(!verdict.claims.emailVerified);
    }

    void unknownKidIsReported()
    {
        const IdTokenVerdict verdict = validateIdToken(token(u"unknown kid"_qs), *m_keys, expectations());
        QCOMPARE(verdict.error, IdTokenError::UnknownKey);
        QCOMPARE(verdict.keyId, u"rsa-2"_qs);
    }

    // A caller that lost its issuer, client id or nonce fails closed.
    void emptyExpectationsNeverMatch()
    {
        const QByteArray good = token(u"rs256"_qs);
        IdTokenExpectations expected = expectations();
        expected.nonce.clear();
        QCOMPARE(validateIdToken(good, *m_keys, expected).error, IdTokenError::WrongNonce);
        expected = expectations();
        expected.clientId.clear();
        QCOMPARE(validateIdToken(good, *m_keys, expected).error, IdTokenError::WrongAudience);
        expected = expectations();
        expected.issuer.clear();
        QCOMPARE(validateIdToken(good, *m_keys, expected).error, IdTokenError::WrongIssuer);
        expected = expectations();
        expected.algorithms.clear();
        QCOMPARE(validateIdToken(good, *m_keys, expected).error, IdTokenError::UnsupportedAlgorithm);
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("input");
        const QByteArray good = token(u"rs256"_qs);
        const QList<QByteArray> parts = good.split('.');
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("dots") << QByteArray("..");
        QTest::newRow("one dot") << QByteArray("a.b");
        QTest::newRow("letters") << QByteArray("a.b.c");
        QTest::newRow("symbols") << QByteArray("!!!.???.***");
        QTest::newRow("four parts") << good + ".e30";
        QTest::newRow("two parts") << parts[0] + '.' + parts[1];
        QTest::newRow("empty header") << '.' + parts[1] + '.' + parts[2];
        QTest::newRow("empty payload") << parts[0] + ".." + parts[2];
        QTest::newRow("header not JSON") << b64("{alg:RS256}") + '.' + parts[1] + '.' + parts[2];
        QTest::newRow("header an array") << b64(R"(["RS256"])") + '.' + parts[1] + '.' + parts[2];
        QTest::newRow("alg not a string") << b64(R"({"alg":["RS256"]})") + '.' + parts[1] + '.' + parts[2];
        QTest::newRow("no alg") << b64(R"({"kid":"rsa-1"})") + '.' + parts[1] + '.' + parts[2];
        QTest::newRow("padded header") << parts[0] + "=." + parts[1] + '.' + parts[2];
        QTest::newRow("padded signature") << good + "==";
        QTest::newRow("trailing space") << good + ' ';
        QTest::newRow("trailing newline") << good + '\n';
        QTest::newRow("standard base64 signature")
            << parts[0] + '.' + parts[1] + '.' + QByteArray(parts[2]).replace('-', '+').replace('_', '/') + "+/";
        QTest::newRow("NUL inside") << parts[0] + '.' + parts[1] + QByteArray(1, '\0') + '.' + parts[2];
        QTest::newRow("payload not JSON")
            << parts[0] + '.' + b64("not json") + '.' + parts[2]; // caught by the signature
        QTest::newRow("16 KiB + 1 of a") << QByteArray(16 * 1024 + 1, 'a');
        QTest::newRow("1 MB of dots") << QByteArray(1 << 20, '.');
    }

    void garbage()
    {
        QFETCH(QByteArray, input);
        const IdTokenVerdict verdict = validateIdToken(input, *m_keys, expectations());
        QVERIFY(!verdict.ok());
        QVERIFY(verdict.error == IdTokenError::Malformed || verdict.error == IdTokenError::BadSignature);
    }

    // Random single-byte changes and truncations of a valid token: never accepted, never a crash.
    void mutations()
    {
        QRandomGenerator random(20240501);
        const IdTokenExpectations expected = expectations();
        for (const QString& name : {u"rs256"_qs, u"es256"_qs, u"eddsa"_qs}) {
            const QByteArray good = token(name);
            for (int i = 0; i < 600; ++i) {
                QByteArray mutated = good;
                const qsizetype at = random.bounded(qint64(good.size()));
                if (i % 4 == 0)
                    mutated.truncate(at);
                else
                    mutated[at] = char(random.bounded(256));
                if (mutated != good)
                    QVERIFY2(!validateIdToken(mutated, *m_keys, expected).ok(), mutated.constData());
            }
        }
    }

    void describeEveryError()
    {
        QSet<QString> seen;
        for (int e = int(IdTokenError::None); e <= int(IdTokenError::MissingClaim); ++e) {
            const QString text = describe(IdTokenError(e));
            QVERIFY(!text.isEmpty());
            seen.insert(text);
        }
        QCOMPARE(seen.size(), int(IdTokenError::MissingClaim) + 1);
    }
};

QTEST_GUILESS_MAIN(TestIdTokenValidator)
#include "oidc_idtokenvalidator.moc"
