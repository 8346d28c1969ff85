#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

// The server's TLS certificate and key. On first start a self-signed ECDSA P-256
// certificate is generated (SAN: the host name, localhost, 127.0.0.1, ::1 and the
// machine's addresses) and kept in <dir>/tls/cert.pem and key.pem (mode 0600); later
// starts load the same pair, so clients that pinned its fingerprint keep working.
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey privateKey;

    QString sha256Fingerprint() const; // "AB:CD:..." as browsers show it

    static std::optional<TlsIdentity> loadOrCreate(const QString& dataDir, QString* error);
};
