#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// A secret Gatehouse must keep at rest (an OpenID client secret set through the command
// line) sealed with XChaCha20-Poly1305 (libsodium, AEAD) under the key store's sealing key:
// the database holds only `v1:` + base64(nonce || ciphertext || tag). The associated data
// names what the secret is for, so a sealed value copied into another setting (or kept after
// the issuer or client changed) does not open.
namespace SealedBox {

// `key`: 32 bytes (KeyStore::sealingKey()).
QByteArray seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData);
// nullopt when the value is malformed, was sealed under another key or for other data, or
// was changed.
std::optional<QByteArray> open(QByteArrayView key, QByteArrayView sealed, QByteArrayView associatedData);

} // namespace SealedBox
