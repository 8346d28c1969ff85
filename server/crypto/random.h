#pragma once

#include <QByteArray>
#include <QString>

// Every random value Gatehouse hands out comes from the OS CSPRNG (libsodium randombytes).
namespace Random {
QByteArray bytes(int count);
// URL-safe, unpadded base64 of `count` random bytes: session ids, jti, ws-tokens.
QString urlToken(int count);
// `length` characters from [0-9A-Za-z], uniformly distributed (rejection sampling).
QString base62(int length);
} // namespace Random
