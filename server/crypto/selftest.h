#pragma once

#include <QString>

// Known-answer tests run once at start-up (as KeePassXC does): HMAC-SHA256 (RFC 4231),
// the JWS example of RFC 7515 A.1, an argon2id and a bcrypt verification against fixed
// hashes. A server whose crypto gives wrong answers refuses to start.
namespace CryptoSelfTest {
bool run(QString* failure);
}
