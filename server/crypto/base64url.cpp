#include "crypto/base64url.h"

#include <array>

namespace {

constexpr std::array<qint8, 256> alphabetTable()
{
    std::array<qint8, 256> table{};
    table.fill(-1);
    const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = qint8(i);
    return table;
}

} // namespace

bool Base64Url::decode(QByteArrayView in, QByteArray* out)
{
    static constexpr auto table = alphabetTable();
    if (in.size() % 4 == 1)
        return false;
    out->resize(in.size() * 6 / 8);
    char* dst = out->data();
    quint32 acc = 0;
    int bits = 0;
    for (char c : in) {
        const qint8 value = table[static_cast<unsigned char>(c)];
        if (value < 0)
            return false;
        acc = ((acc << 6) | quint32(value)) & 0xFFFFu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *dst++ = char((acc >> bits) & 0xFFu);
        }
    }
    return (acc & ((1u << bits) - 1u)) == 0;
}

QByteArray Base64Url::encode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
