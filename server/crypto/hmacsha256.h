#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>

struct evp_mac_ctx_st;

// HMAC-SHA256 with the key set up once: every mac() duplicates a keyed OpenSSL
// EVP_MAC context instead of re-deriving the key pads. Thread-safe (the template
// context is only read). Used for JWT signatures and for keyed hashes of stored
// token identifiers (the key is then the pepper from the key store).
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
    evp_mac_ctx_st* m_keyed = nullptr;
};
