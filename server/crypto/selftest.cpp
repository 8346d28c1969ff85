#include "crypto/selftest.h"

#include "crypto/hmacsha256.h"
#include "crypto/jose.h"
#include "crypto/passwordhasher.h"

namespace {

bool hmacKnownAnswer()
{
    // RFC 4231, test case 2.
    const QByteArray expected = QByteArray::fromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    return HmacSha256("Jefe").mac({"what do ya want ", "for nothing?"}) == expected;
}

bool jwsKnownAnswer()
{
    // RFC 7515, Appendix A.1: the HS256 example and its JWK key "k".
    const QByteArray key =
        QByteArray::fromBase64("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
                               QByteArray::Base64UrlEncoding);
    QByteArray token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                       ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
                       ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    if (!JwtHs256::verifySignatureOnly(token, key))
        return false;
    token[token.size() - 2] = token[token.size() - 2] == 'X' ? 'Y' : 'X';
    return !JwtHs256::verifySignatureOnly(token, key);
}

bool passwordKnownAnswers()
{
    // Cheap parameters on purpose (verify reads them from the string): m = 64 KiB, t = 1.
    const QByteArray argon2id =
        "$argon2id$v=19$m=64,t=1,p=1$BKxgZIX5AnM755CeQxT7ow$9EYwQ3BxGpJyajMbN2be0r/U8o4VfKbSNF0b7pMldGc";
    // Made with python3-bcrypt, cost 4.
    const QByteArray bcrypt = "$2b$04$kJtf5UKLFqvrMTDeMNQLCuN/1tj6yquMTUWRGo4fTOsiRp/2PDNbe";
    using PasswordHasher::Verdict;
    return PasswordHasher::verify("gatehouse self-test", argon2id) == Verdict::Match
        && PasswordHasher::verify("gatehouse self-tesT", argon2id) == Verdict::Mismatch
        && PasswordHasher::verify("gatehouse self-test", bcrypt) == Verdict::Match
        && PasswordHasher::verify("gatehouse self-tesT", bcrypt) == Verdict::Mismatch;
}

} // namespace

namespace CryptoSelfTest {

bool run(QString* failure)
{
    QString ignored;
    QString& message = failure ? *failure : ignored;
    if (!hmacKnownAnswer())
        message = QStringLiteral("HMAC-SHA256 known-answer test (RFC 4231) failed");
    else if (!jwsKnownAnswer())
        message = QStringLiteral("JWS HS256 known-answer test (RFC 7515 A.1) failed");
    else if (!passwordKnownAnswers())
        message = QStringLiteral("argon2id/bcrypt known-answer test failed");
    else
        return true;
    return false;
}

} // namespace CryptoSelfTest
