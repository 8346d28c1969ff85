#include "crypto/random.h"

#include "crypto/sodiuminit.h"

#include <sodium.h>

namespace Random {

QByteArray bytes(int count)
{
    ensureSodiumInitialised();
    QByteArray out(qMax(count, 0), Qt::Uninitialized);
    if (!out.isEmpty())
        randombytes_buf(out.data(), size_t(out.size()));
    return out;
}

QString urlToken(int count)
{
    return QString::fromLatin1(bytes(count).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString base62(int length)
{
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // 248 = 4 * 62: bytes at or above it are dropped so each character is exactly uniform.
    constexpr unsigned char limit = 248;
    QString out;
    out.reserve(length);
    while (out.size() < length) {
        const QByteArray chunk = bytes(int(length - out.size()) + 8);
        for (char c : chunk) {
            const auto value = static_cast<unsigned char>(c);
            if (value < limit && out.size() < length)
                out.append(QLatin1Char(alphabet[value % 62]));
        }
    }
    return out;
}

} // namespace Random
