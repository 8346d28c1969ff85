#include "crypto/passwordhasher.h"

#include "crypto/constanttime.h"
#include "crypto/random.h"
#include "crypto/sodiuminit.h"

#include <crypt.h>
#include <sodium.h>

#include <memory>
#include <stdexcept>

namespace {

// OWASP's minimum for argon2id: m = 19 MiB, t = 2, p = 1.
constexpr unsigned long long OpsLimit = 2;
constexpr size_t MemLimit = 19u * 1024u * 1024u;
// An imported bcrypt hash picks its own cost; the cap keeps an absurd one (cost 31 is
// days of CPU) from tying up a pool thread.
constexpr int MaxBcryptCost = 18;
constexpr size_t BcryptLength = 60;

bool isBcrypt(QByteArrayView stored)
{
    return stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$");
}

bool isArgon2(QByteArrayView stored)
{
    return stored.startsWith("$argon2id$") || stored.startsWith("$argon2i$");
}

// "$2b$NN$" + 53 characters of bcrypt's base64; the cost is two digits 04..MaxBcryptCost.
bool bcryptWellFormed(QByteArrayView stored)
{
    if (size_t(stored.size()) != BcryptLength || stored.at(6) != '$')
        return false;
    const char tens = stored.at(4);
    const char ones = stored.at(5);
    if (tens < '0' || tens > '9' || ones < '0' || ones > '9')
        return false;
    const int cost = (tens - '0') * 10 + (ones - '0');
    return cost >= 4 && cost <= MaxBcryptCost;
}

PasswordHasher::Verdict verifyBcrypt(QByteArrayView password, QByteArrayView stored)
{
    if (!bcryptWellFormed(stored))
        return PasswordHasher::Verdict::Malformed;
    // crypt() stops at a NUL byte: "abc\0xyz" would otherwise match the hash of "abc".
    if (password.contains('\0'))
        return PasswordHasher::Verdict::Mismatch;
    const QByteArray phrase = password.toByteArray();
    const QByteArray setting = stored.toByteArray();
    // crypt_rn with caller-owned state is reentrant, unlike crypt(); heap because it is ~32 KiB.
    auto data = std::make_unique<crypt_data>();
    const char* result = crypt_rn(phrase.constData(), setting.constData(), data.get(), int(sizeof(crypt_data)));
    if (!result || result[0] == '*')
        return PasswordHasher::Verdict::Malformed;
    return constantTimeEquals(QByteArrayView(result), stored) ? PasswordHasher::Verdict::Match
                                                              : PasswordHasher::Verdict::Mismatch;
}

PasswordHasher::Verdict verifyArgon2(QByteArrayView password, QByteArrayView stored)
{
    if (size_t(stored.size()) >= crypto_pwhash_STRBYTES)
        return PasswordHasher::Verdict::Malformed;
    const QByteArray terminated = stored.toByteArray(); // libsodium wants a C string
    // -1 here means libsodium could not parse the string (errno EINVAL).
    if (crypto_pwhash_str_needs_rehash(terminated.constData(), OpsLimit, MemLimit) < 0)
        return PasswordHasher::Verdict::Malformed;
    const int rc = crypto_pwhash_str_verify(terminated.constData(), password.data(), size_t(password.size()));
    return rc == 0 ? PasswordHasher::Verdict::Match : PasswordHasher::Verdict::Mismatch;
}

} // namespace

namespace PasswordHasher {

QByteArray hash(QByteArrayView password)
{
    ensureSodiumInitialised();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), size_t(password.size()), OpsLimit, MemLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        throw std::runtime_error("argon2id hashing failed (out of memory)");
    }
    return QByteArray(out);
}

Verdict verify(QByteArrayView password, QByteArrayView storedHash)
{
    ensureSodiumInitialised();
    if (isBcrypt(storedHash))
        return verifyBcrypt(password, storedHash);
    if (isArgon2(storedHash))
        return verifyArgon2(password, storedHash);
    return Verdict::Malformed;
}

bool needsRehash(QByteArrayView storedHash)
{
    ensureSodiumInitialised();
    if (!storedHash.startsWith("$argon2id$") || size_t(storedHash.size()) >= crypto_pwhash_STRBYTES)
        return true;
    const QByteArray terminated = storedHash.toByteArray();
    return crypto_pwhash_argon2id_str_needs_rehash(terminated.constData(), OpsLimit, MemLimit) != 0;
}

void burnVerifyTime(QByteArrayView password)
{
    // A hash of a random password nobody knows, made once with today's parameters, so the
    // burn costs exactly what a real verify costs.
    static const QByteArray dummy = hash(Random::bytes(32));
    verify(password, dummy);
}

} // namespace PasswordHasher
