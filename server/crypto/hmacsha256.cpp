#include "crypto/hmacsha256.h"

#include "crypto/sodiuminit.h"

#include <sodium.h>

struct HmacSha256::Keyed
{
    crypto_auth_hmacsha256_state state;
};

HmacSha256::HmacSha256(QByteArrayView key) : m_keyed(std::make_unique<Keyed>())
{
    ensureSodiumInitialised();
    // An empty key is legal HMAC; a key longer than a block is hashed first (RFC 2104).
    static const unsigned char empty = 0;
    const auto* keyData = key.isEmpty() ? &empty : reinterpret_cast<const unsigned char*>(key.data());
    crypto_auth_hmacsha256_init(&m_keyed->state, keyData, size_t(key.size()));
}

HmacSha256::~HmacSha256()
{
    sodium_memzero(&m_keyed->state, sizeof m_keyed->state); // the pads are as good as the key
}

QByteArray HmacSha256::mac(std::initializer_list<QByteArrayView> parts) const
{
    crypto_auth_hmacsha256_state state = m_keyed->state;
    for (QByteArrayView part : parts) {
        crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                      quint64(part.size()));
    }
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
    sodium_memzero(&state, sizeof state);
    return out;
}
