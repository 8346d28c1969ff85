#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Password hashes. New hashes are argon2id PHC strings from libsodium
// (m = 19 MiB, t = 2, p = 1: OWASP's minimum, ~22 ms here). Imported bcrypt hashes
// ($2a$, $2b$, $2y$) verify through libxcrypt and are flagged for re-hashing.
// Every function here is slow by design: call them from the HashPool, never from the
// event loop. `password` is the NFKC-normalised UTF-8 from PasswordPolicy::normalize().
namespace PasswordHasher {

enum class Verdict {
    Match,
    Mismatch,
    Malformed
};

QByteArray hash(QByteArrayView password);
Verdict verify(QByteArrayView password, QByteArrayView storedHash);
// True for bcrypt, and for argon2id with weaker parameters than hash() uses today.
bool needsRehash(QByteArrayView storedHash);
// Spends the time of one verify() against a fixed argon2id hash, so an unknown user is
// answered in the same time as a wrong password (no account enumeration by timing).
void burnVerifyTime(QByteArrayView password);

} // namespace PasswordHasher
