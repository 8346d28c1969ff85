#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Where Gatehouse's secrets come from. One 32-byte master secret lives in the OS keychain
// (QtKeychain, namespaced per data directory) or, where no keychain answers (headless),
// in <dataDir>/master.key with mode 0600. Purpose keys are derived from it with HKDF, so
// a leak of one (say the token pepper) says nothing about another. SECRET_KEY, when set,
// is the JWT signing key as its raw UTF-8 bytes (API.md), overriding the derived one.
class KeyStore
{
public:
    enum class Backend {
        Auto,
        Keychain,
        File
    };

    struct Options
    {
        QString dataDir;
        Backend backend = Backend::Auto;
        QByteArray secretKeyOverride; // SECRET_KEY; empty = derive
        // secret_key_file: the master secret is read from this file (it must exist, hold 32
        // bytes and be private to its owner) instead of the data directory or the keychain,
        // so that instances sharing one database share all keys. Empty = as above.
        QString masterKeyFile;
    };

    static std::optional<KeyStore> open(const Options& options, QString* error);

    const QByteArray& signingKey() const { return m_signingKey; }
    const QByteArray& tokenPepper() const { return m_tokenPepper; }
    // Encrypts secrets Gatehouse must keep at rest (SealedBox), e.g. an OpenID client secret.
    const QByteArray& sealingKey() const { return m_sealingKey; }
    QString backendName() const; // "keychain" or "file"
    // A value that is the same exactly when all three keys are: recorded in a shared
    // database, it tells an instance started with other keys. Hex; reveals nothing of the keys
    // (an HMAC under them of a fixed label).
    QString checkValue() const;

private:
    KeyStore() = default;

    QByteArray m_signingKey;
    QByteArray m_tokenPepper;
    QByteArray m_sealingKey;
    Backend m_backend = Backend::File;
};
