#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>
#include <memory>

// HMAC-SHA256 with the key set up once: the inner and outer pads are hashed at construction
// (libsodium's HMAC state), and every mac() starts from a copy of that state, so a MAC of a
// short input costs two SHA-256 compressions plus the data, with no allocation and no
// library context (with OpenSSL's EVP_MAC_CTX_dup, the MAC was half of an API-token look-up). SHA-256 runs
// in time independent of the data. Thread-safe (the keyed state is only read). Used for JWT
// signatures and for keyed hashes of stored token identifiers (the key is then the pepper
// from the key store).
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256&) = delete;
    HmacSha256& operator=(const HmacSha256&) = delete;

    // 32-byte MAC of the concatenation of parts.
    QByteArray mac(std::initializer_list<QByteArrayView> parts) const;
    QByteArray mac(QByteArrayView data) const { return mac({data}); }

private:
    struct Keyed;
    std::unique_ptr<Keyed> m_keyed;
};
