#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// The API token format: "gatehouse_" + 40 base62 characters. The first 34 come from the
// CSPRNG (34 x log2(62) = 202 bits); the last 6 are the CRC32 of those 34, in base62.
// The fixed prefix and the checksum let a secret scanner recognise a leaked token offline
// with almost no false positives, and let the server reject a mistyped or truncated token
// without a look-up (the checksum is not a secret and proves nothing about validity).
namespace ApiTokenFormat {

inline constexpr QByteArrayView Prefix = "gatehouse_";
inline constexpr int RandomLength = 34;
inline constexpr int ChecksumLength = 6;
inline constexpr int Length = 10 + RandomLength + ChecksumLength; // 50

// A fresh token from the CSPRNG.
QByteArray generate();
// Prefix, length, alphabet and checksum are right. Cheap, and leaks nothing by timing
// that an attacker could not compute offline anyway.
bool isWellFormed(QByteArrayView token);
// Starts with the prefix: the caller meant an API token (not a JWT).
bool looksLikeApiToken(QByteArrayView token);
// What a list shows instead of the secret: the prefix and the last 4 characters.
QString hint(QByteArrayView token);
// CRC-32 (IEEE 802.3, as zlib computes it).
quint32 crc32(QByteArrayView data);

} // namespace ApiTokenFormat
