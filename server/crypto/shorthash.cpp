#include "crypto/shorthash.h"

#include "crypto/sodiuminit.h"

#include <sodium.h>

#include <cstring>

static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

ShortHash::ShortHash()
{
    ensureSodiumInitialised();
    crypto_shorthash_keygen(m_key);
}

quint64 ShortHash::of(QByteArrayView data) const
{
    unsigned char out[crypto_shorthash_BYTES];
    crypto_shorthash(out, reinterpret_cast<const unsigned char*>(data.data()), quint64(data.size()), m_key);
    quint64 value = 0;
    std::memcpy(&value, out, sizeof value);
    return value;
}
