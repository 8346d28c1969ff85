#include "crypto/base64url.h"
#include "oidc/jwk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// RFC 7515 Appendix A.2 (RS256): the example RSA key's public members and its compact JWS.
const QByteArray Rfc7515RsaN =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-"
    "pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-"
    "UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_"
    "h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const QByteArray Rfc7515RsaD =
    "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-"
    "pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_"
    "0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_"
    "RQyGWSeWjnczT0QU91p1DhOVRuOopznQ";
const QByteArray Rfc7515Rs256 =
    "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cn"
    "VlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_"
    "O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_"
    "nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-"
    "eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

// RFC 7515 Appendix A.3 (ES256): the example P-256 key and its compact JWS.
const QByteArray Rfc7515EcX = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
const QByteArray Rfc7515EcY = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
const QByteArray Rfc7515Es256 =
    "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxl"
    "LmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-"
    "Kg6NU1Q";

// RFC 8037 Appendix A.4 (Ed25519), with the public key of A.2.
const QByteArray Rfc8037X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const QByteArray Rfc8037EdDsa =
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

QJsonObject json(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject rsaJwk()
{
    return QJsonObject{{u"kty"_qs, u"RSA"_qs}, {u"n"_qs, QString::fromLatin1(Rfc7515RsaN)}, {u"e"_qs, u"AQAB"_qs}};
}

QJsonObject ecJwk()
{
    return QJsonObject{{u"kty"_qs, u"EC"_qs},
                       {u"crv"_qs, u"P-256"_qs},
                       {u"x"_qs, QString::fromLatin1(Rfc7515EcX)},
                       {u"y"_qs, QString::fromLatin1(Rfc7515EcY)}};
}

QJsonObject edJwk()
{
    return QJsonObject{{u"kty"_qs, u"OKP"_qs}, {u"crv"_qs, u"Ed25519"_qs}, {u"x"_qs, QString::fromLatin1(Rfc8037X)}};
}

QJsonObject with(QJsonObject jwk, const QString& name, const QJsonValue& value)
{
    jwk.insert(name, value);
    return jwk;
}

PublicJwk load(const QJsonObject& jwk)
{
    QString why;
    const std::optional<PublicJwk> key = PublicJwk::fromJson(jwk, &why);
    if (!key)
        qFatal("RFC key refused: %s", qPrintable(why));
    return *key;
}

struct Jws
{
    QByteArray signingInput;
    QByteArray signature;
};

Jws split(const QByteArray& compact)
{
    const qsizetype dot = compact.lastIndexOf('.');
    return {compact.first(dot),
            QByteArray::fromBase64(compact.sliced(dot + 1),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
}

QByteArray flipped(QByteArray data, qsizetype at)
{
    data[at] = char(data.at(at) ^ 0x01);
    return data;
}

// A known answer passes; one changed byte of the signed input or of the signature fails;
// every algorithm but the key's own fails even with the genuine signature.
void checkKnownAnswer(const PublicJwk& key, const QByteArray& compact, const QByteArray& alg)
{
    const Jws jws = split(compact);
    QVERIFY(key.verify(alg, jws.signingInput, jws.signature));
    QVERIFY(!key.verify(alg, flipped(jws.signingInput, jws.signingInput.size() - 5), jws.signature));
    QVERIFY(!key.verify(alg, flipped(jws.signingInput, 3), jws.signature));
    QVERIFY(!key.verify(alg, jws.signingInput, flipped(jws.signature, 7)));
    QVERIFY(!key.verify(alg, jws.signingInput, jws.signature.chopped(1)));
    QVERIFY(!key.verify(alg, jws.signingInput, {}));
    for (const char* other :
         {"RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA", "Ed25519", "HS256", "none", "rs256", ""}) {
        if (alg != other)
            QVERIFY2(!key.verify(other, jws.signingInput, jws.signature), other);
    }
}

} // namespace

class TestJwk : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515AppendixA2Rs256()
    {
        const PublicJwk key = load(rsaJwk());
        QCOMPARE(key.type(), PublicJwk::Type::Rsa);
        QCOMPARE(key.kty(), u"RSA"_qs);
        checkKnownAnswer(key, Rfc7515Rs256, "RS256");
    }

    void rfc7515AppendixA3Es256()
    {
        const PublicJwk key = load(ecJwk());
        QCOMPARE(key.type(), PublicJwk::Type::EcP256);
        checkKnownAnswer(key, Rfc7515Es256, "ES256");
        // Only the 64-byte JOSE form: one byte more or less is refused, not reinterpreted.
        const Jws jws = split(Rfc7515Es256);
        const QByteArray longer = jws.signature + '\0';
        const QByteArray prefixed = QByteArray(1, '\0') + jws.signature;
        QVERIFY(!key.verify("ES256", jws.signingInput, longer));
        QVERIFY(!key.verify("ES256", jws.signingInput, prefixed));
        QVERIFY(!key.verify("ES256", jws.signingInput, QByteArray(64, '\0')));
    }

    void rfc8037AppendixA4Ed25519()
    {
        const PublicJwk key = load(edJwk());
        QCOMPARE(key.type(), PublicJwk::Type::Ed25519);
        QCOMPARE(key.kty(), u"OKP"_qs);
        checkKnownAnswer(key, Rfc8037EdDsa, "EdDSA");
    }

    // A JWK that names its alg verifies that one only.
    void jwkAlgPinsTheAlgorithm()
    {
        const Jws jws = split(Rfc7515Rs256);
        const PublicJwk pinned = load(with(rsaJwk(), u"alg"_qs, u"RS256"_qs));
        QCOMPARE(pinned.algorithm(), u"RS256"_qs);
        QVERIFY(pinned.fits(u"RS256"));
        QVERIFY(pinned.verify("RS256", jws.signingInput, jws.signature));
        const PublicJwk other = load(with(rsaJwk(), u"alg"_qs, u"PS256"_qs));
        QVERIFY(!other.fits(u"RS256"));
        QVERIFY(!other.verify("RS256", jws.signingInput, jws.signature));
    }

    // Private members are never read: the RFC's full private key loads as its public half,
    // and a private member that is not even base64url changes nothing.
    void privateMembersIgnored()
    {
        const Jws jws = split(Rfc7515Rs256);
        const PublicJwk rsa = load(with(with(rsaJwk(), u"d"_qs, QString::fromLatin1(Rfc7515RsaD)), u"p"_qs, u"!"_qs));
        QVERIFY(rsa.verify("RS256", jws.signingInput, jws.signature));
        const PublicJwk ec = load(with(ecJwk(), u"d"_qs, u"not base64url at all!"_qs));
        const Jws es = split(Rfc7515Es256);
        QVERIFY(ec.verify("ES256", es.signingInput, es.signature));
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("jwk");
        QTest::addColumn<QString>("reason");

        const QString shortModulus =
            QString::fromLatin1(QByteArray::fromBase64(Rfc7515RsaN, QByteArray::Base64UrlEncoding)
                                    .first(128)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QTest::newRow("RSA 1024 bits") << with(rsaJwk(), u"n"_qs, shortModulus) << u"1024 bits"_qs;
        QTest::newRow("use enc") << with(rsaJwk(), u"use"_qs, u"enc"_qs) << u"use"_qs;
        QTest::newRow("use not a string") << with(edJwk(), u"use"_qs, 1) << u"use"_qs;
        QTest::newRow("kid a number") << with(edJwk(), u"kid"_qs, 7) << u"kid"_qs;
        QTest::newRow("symmetric key") << json(R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ"})")
                                       << u"unsupported"_qs;
        QTest::newRow("no kty") << json(R"({"x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})") << u"unsupported"_qs;
        QTest::newRow("RSA without e") << QJsonObject{{u"kty"_qs, u"RSA"_qs},
                                                      {u"n"_qs, QString::fromLatin1(Rfc7515RsaN)}}
                                       << u"n and e"_qs;
        QTest::newRow("RSA even exponent") << with(rsaJwk(), u"e"_qs, u"AQAC"_qs) << u"exponent"_qs;
        QTest::newRow("RSA exponent 1") << with(rsaJwk(), u"e"_qs, u"AQ"_qs) << u"exponent"_qs;
        QTest::newRow("RSA padded base64") << with(rsaJwk(), u"e"_qs, u"AQAB="_qs) << u"n and e"_qs;
        QString offCurve = QString::fromLatin1(Rfc7515EcY);
        offCurve[10] = offCurve[10] == u'A' ? u'B' : u'A';
        QTest::newRow("EC point off the curve") << with(ecJwk(), u"y"_qs, offCurve) << u"not a point"_qs;
        QTest::newRow("EC P-384") << with(ecJwk(), u"crv"_qs, u"P-384"_qs) << u"P-256"_qs;
        QTest::newRow("EC short x") << with(ecJwk(), u"x"_qs, QString::fromLatin1(Rfc7515EcX).left(42))
                                    << u"32-byte"_qs;
        QTest::newRow("EC standard base64")
            << with(ecJwk(), u"y"_qs, QString::fromLatin1(Rfc7515EcY).replace(u'_', u'/')) << u"32-byte"_qs;
        QTest::newRow("OKP X25519") << with(edJwk(), u"crv"_qs, u"X25519"_qs) << u"Ed25519"_qs;
        QTest::newRow("Ed25519 31 bytes")
            << with(edJwk(), u"x"_qs, u"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUQ"_qs) << u"32-byte"_qs;
    }

    void refusals()
    {
        QFETCH(QJsonObject, jwk);
        QFETCH(QString, reason);
        QString why;
        QVERIFY(!PublicJwk::fromJson(jwk, &why));
        QVERIFY2(why.contains(reason), qPrintable(why));
    }

    void setSkipsUnusableKeys()
    {
        QJsonArray keys{with(with(rsaJwk(), u"kid"_qs, u"rsa"_qs), u"use"_qs, u"sig"_qs),
                        with(rsaJwk(), u"use"_qs, u"enc"_qs),
                        with(ecJwk(), u"kid"_qs, u"ec"_qs),
                        with(edJwk(), u"kid"_qs, u"ed"_qs),
                        with(edJwk(), u"kid"_qs, u"rsa"_qs), // same kid as the RSA key
                        json(R"({"kty":"oct","k":"c2VjcmV0"})"),
                        with(ecJwk(), u"crv"_qs, u"P-521"_qs),
                        u"not an object"_qs,
                        QJsonValue()};
        QString error;
        const std::optional<JwkSet> set =
            JwkSet::fromJson(QJsonDocument(QJsonObject{{u"keys"_qs, keys}}).toJson(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->size(), 4);
        QCOMPARE(set->skipped(), 5);

        // With a kid: every key of that kid, whatever its type (verify() then refuses the
        // ones that do not fit the token's alg).
        const QList<PublicJwk> byKid = set->candidates(u"rsa", u"RS256");
        QCOMPARE(byKid.size(), 2);
        QCOMPARE(set->candidates(u"ec", u"RS256").size(), 1);
        QVERIFY(set->candidates(u"nope", u"RS256").isEmpty());
        // Without a kid: the keys the alg fits.
        const QList<PublicJwk> rs256 = set->candidates({}, u"RS256");
        QCOMPARE(rs256.size(), 1);
        QCOMPARE(rs256.first().kid(), u"rsa"_qs);
        QCOMPARE(set->candidates({}, u"EdDSA").size(), 2);
        QCOMPARE(set->candidates({}, u"ES256").size(), 1);
        QVERIFY(set->candidates({}, u"HS256").isEmpty());
        QVERIFY(set->candidates({}, u"none").isEmpty());
    }

    void setRefusals_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("empty key list") << QByteArray(R"({"keys":[]})");
        QTest::newRow("only unusable keys")
            << QByteArray(R"({"keys":[{"kty":"oct","k":"c2VjcmV0"},{"kty":"RSA","use":"enc","n":"AQAB","e":"AQAB"}]})");
        QTest::newRow("no keys member") << QByteArray(R"({"key":[]})");
        QTest::newRow("keys not an array") << QByteArray(R"({"keys":{}})");
        QTest::newRow("an array") << QByteArray(R"([{"kty":"OKP"}])");
        QTest::newRow("not JSON") << QByteArray("<html>502 Bad Gateway</html>");
        QTest::newRow("empty") << QByteArray();
        const QByteArray big =
            QJsonDocument(QJsonObject{{u"keys"_qs, QJsonArray{edJwk()}}, {u"padding"_qs, QString(300 * 1024, u'x')}})
                .toJson();
        QTest::newRow("oversized") << big;
    }

    void setRefusals()
    {
        QFETCH(QByteArray, document);
        QString error;
        QVERIFY(!JwkSet::fromJson(document, &error));
        QVERIFY(!error.isEmpty());
    }

    void strictBase64Url()
    {
        QByteArray out;
        QVERIFY(Base64Url::decode("AQAB", &out));
        QCOMPARE(out, QByteArray::fromHex("010001"));
        QVERIFY(Base64Url::decode("-_8", &out));
        QCOMPARE(out, QByteArray::fromHex("fbff"));
        QVERIFY(!Base64Url::decode("AQAB=", &out));
        QVERIFY(!Base64Url::decode("+/8", &out));
        QVERIFY(!Base64Url::decode("AQ B", &out));
        QVERIFY(!Base64Url::decode("A", &out));
        QVERIFY(!Base64Url::decode("AB", &out)); // non-zero unused bits: a second spelling of "AA"
    }
};

QTEST_GUILESS_MAIN(TestJwk)
#include "oidc_jwk.moc"
