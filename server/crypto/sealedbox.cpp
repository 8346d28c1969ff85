#include "crypto/sealedbox.h"

#include "crypto/sodiuminit.h"

#include <sodium.h>

namespace {

const QByteArray Version = QByteArrayLiteral("v1:");

const unsigned char* bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char*>(data.data());
}

} // namespace

QByteArray SealedBox::seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    ensureSodiumInitialised();
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return {};
    // A random 192-bit nonce: XChaCha20's nonce is long enough that random ones never repeat.
    QByteArray box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size()
                       + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                   Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &length,
                                               bytes(plaintext), size_t(plaintext.size()), bytes(associatedData),
                                               size_t(associatedData.size()), nullptr, nonce, bytes(key));
    return QByteArray(Version).append(box.toBase64());
}

std::optional<QByteArray> SealedBox::open(QByteArrayView key, QByteArrayView sealed, QByteArrayView associatedData)
{
    ensureSodiumInitialised();
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES || !sealed.startsWith(Version))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(sealed.sliced(Version.size()).toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray& box = decoded.decoded;
    constexpr qsizetype Overhead =
        crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (!decoded || box.size() < Overhead)
        return std::nullopt;
    const auto* nonce = bytes(box);
    const qsizetype cipherLength = box.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray plaintext(cipherLength - crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()), &length, nullptr,
                                                   nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   size_t(cipherLength), bytes(associatedData),
                                                   size_t(associatedData.size()), nonce, bytes(key))
        != 0)
        return std::nullopt;
    return plaintext;
}
