#include "http/tlsconfiguration.h"

#include <QSslCipher>

namespace {

// Mozilla's "intermediate" TLS 1.2 suites without the DHE ones: ECDHE key exchange (forward
// secrecy) with AES-GCM or ChaCha20-Poly1305. Every CBC suite is left out on purpose: their
// MAC-then-encrypt padding checks are what LUCKY13 and POODLE-style padding oracles attack,
// and testssl.sh flags them. ECDSA first (our generated certificate), RSA for an imported one.
// TLS 1.3 suites are not set here: OpenSSL's defaults (AES-GCM, ChaCha20-Poly1305) are all AEAD.
constexpr const char* Tls12Ciphers[] = {
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",   "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",   "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
};

QList<QSslCipher> pinnedCiphers()
{
    QList<QSslCipher> ciphers;
    for (const char* name : Tls12Ciphers) {
        const QSslCipher cipher{QString::fromLatin1(name)};
        if (!cipher.isNull())
            ciphers.append(cipher);
    }
    return ciphers;
}

} // namespace

QSslConfiguration serverTlsConfiguration(const TlsIdentity& identity)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(identity.certificate);
    configuration.setPrivateKey(identity.privateKey);
    configuration.setProtocol(QSsl::TlsV1_2OrLater); // TLS 1.0 and 1.1 are broken (API.md)
    configuration.setCiphers(pinnedCiphers());
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}
