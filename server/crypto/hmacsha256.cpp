#include "crypto/hmacsha256.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdexcept>

HmacSha256::HmacSha256(QByteArrayView key)
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (mac) {
        m_keyed = EVP_MAC_CTX_new(mac);
        EVP_MAC_free(mac);
    }
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty key is legal HMAC; OpenSSL wants a non-null pointer for it.
    static const unsigned char empty = 0;
    const auto* keyData = key.isEmpty() ? &empty : reinterpret_cast<const unsigned char*>(key.data());
    if (!m_keyed || EVP_MAC_init(m_keyed, keyData, size_t(key.size()), params) != 1) {
        // Without a working HMAC nothing in Gatehouse can be trusted: fail loudly at start-up.
        EVP_MAC_CTX_free(m_keyed);
        throw std::runtime_error("OpenSSL HMAC-SHA256 is unavailable");
    }
}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_keyed);
}

QByteArray HmacSha256::mac(std::initializer_list<QByteArrayView> parts) const
{
    // The keyed template is never mutated, so concurrent callers each work on their own copy.
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_dup(m_keyed);
    if (!ctx)
        throw std::runtime_error("OpenSSL EVP_MAC_CTX_dup failed");
    bool ok = true;
    for (QByteArrayView part : parts) {
        if (!part.isEmpty())
            ok = ok && EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(part.data()), size_t(part.size()));
    }
    QByteArray out(32, Qt::Uninitialized);
    size_t written = 0;
    ok = ok && EVP_MAC_final(ctx, reinterpret_cast<unsigned char*>(out.data()), &written, size_t(out.size()));
    EVP_MAC_CTX_free(ctx);
    if (!ok || written != 32)
        throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
    return out;
}
