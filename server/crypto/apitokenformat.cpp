#include "crypto/apitokenformat.h"

#include "crypto/random.h"

#include <array>

namespace ApiTokenFormat {

namespace {

constexpr QByteArrayView Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 value = i;
        for (int bit = 0; bit < 8; ++bit)
            value = (value & 1) ? (0xEDB88320u ^ (value >> 1)) : (value >> 1);
        table[i] = value;
    }
    return table;
}

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// CRC32 in ChecksumLength base62 digits, most significant first (62^6 > 2^32).
QByteArray checksumOf(QByteArrayView randomPart)
{
    quint32 value = crc32(randomPart);
    QByteArray digits(ChecksumLength, '0');
    for (int i = ChecksumLength - 1; i >= 0; --i) {
        digits[i] = Alphabet[value % 62];
        value /= 62;
    }
    return digits;
}

} // namespace

quint32 crc32(QByteArrayView data)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data)
        crc = table[(crc ^ quint8(c)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

QByteArray generate()
{
    const QByteArray randomPart = Random::base62(RandomLength).toLatin1();
    return Prefix.toByteArray() + randomPart + checksumOf(randomPart);
}

bool looksLikeApiToken(QByteArrayView token)
{
    return token.startsWith(Prefix);
}

bool isWellFormed(QByteArrayView token)
{
    if (token.size() != Length || !looksLikeApiToken(token))
        return false;
    const QByteArrayView body = token.sliced(Prefix.size());
    for (const char c : body) {
        if (!isBase62(c))
            return false;
    }
    return body.sliced(RandomLength) == checksumOf(body.first(RandomLength));
}

QString hint(QByteArrayView token)
{
    // Prefix and the last 4 characters (checksum digits): enough to tell tokens apart in a
    // list, nothing that helps guess the random part.
    return QString::fromLatin1(Prefix) + QChar(0x2026)
        + QString::fromLatin1(token.last(qMin<qsizetype>(4, token.size())));
}

} // namespace ApiTokenFormat
