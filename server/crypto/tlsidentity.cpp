#include "crypto/tlsidentity.h"

#include "crypto/random.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSaveFile>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <memory>

Q_LOGGING_CATEGORY(lcTls, "gatehouse.crypto.tls")

namespace {

constexpr long ValidityDays = 825; // the longest browsers accept for a server certificate

template <typename T, void (*Free)(T*)>
struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QString hostNameForCertificate()
{
    // Only a plain DNS label sequence goes into the certificate (and into the SAN text).
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$"));
    const QString host = QHostInfo::localHostName();
    return valid.match(host).hasMatch() ? host : QStringLiteral("localhost");
}

QString subjectAltNames(const QString& host)
{
    QStringList names{QStringLiteral("DNS:") + host};
    if (host != QLatin1String("localhost"))
        names << QStringLiteral("DNS:localhost");
    names << QStringLiteral("IP:127.0.0.1") << QStringLiteral("IP:::1");
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (QHostAddress address : addresses) {
        if (address.isLoopback())
            continue;
        address.setScopeId(QString());
        const QString entry = QStringLiteral("IP:") + address.toString();
        if (!names.contains(entry))
            names << entry;
    }
    return names.join(QLatin1Char(','));
}

bool addExtension(X509* cert, int nid, const QString& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.toLatin1().constData());
    const bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool setRandomSerial(X509* cert)
{
    QByteArray serial = Random::bytes(16);
    serial[0] = char(serial[0] & 0x7F); // positive, as RFC 5280 requires
    BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(serial.constData()), int(serial.size()), nullptr);
    const bool ok = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)) != nullptr;
    BN_free(bn);
    return ok;
}

bool fillCertificate(X509* cert, EVP_PKEY* key, const QString& host)
{
    X509_NAME* name = X509_get_subject_name(cert);
    const QByteArray cnBytes = host.toLatin1();
    const auto* cn = reinterpret_cast<const unsigned char*>(cnBytes.constData());
    return X509_set_version(cert, X509_VERSION_3) == 1 && setRandomSerial(cert)
        && X509_gmtime_adj(X509_getm_notBefore(cert), -3600) != nullptr
        && X509_time_adj_ex(X509_getm_notAfter(cert), ValidityDays, 0, nullptr) != nullptr
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) == 1
        && X509_set_issuer_name(cert, name) == 1 && X509_set_pubkey(cert, key) == 1
        && addExtension(cert, NID_subject_alt_name, subjectAltNames(host))
        && addExtension(cert, NID_basic_constraints, QStringLiteral("critical,CA:FALSE"))
        && addExtension(cert, NID_key_usage, QStringLiteral("critical,digitalSignature"))
        && addExtension(cert, NID_ext_key_usage, QStringLiteral("serverAuth"))
        && addExtension(cert, NID_subject_key_identifier, QStringLiteral("hash"))
        && X509_sign(cert, key, EVP_sha256()) > 0;
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

// PEM of a fresh self-signed certificate and its PKCS#8 key, or empty strings on failure.
std::pair<QByteArray, QByteArray> generatePem()
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert || !fillCertificate(cert.get(), key.get(), hostNameForCertificate()))
        return {};
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return {};
    }
    return {bioContents(certBio.get()), bioContents(keyBio.get())};
}

// QSaveFile writes a temporary file and renames it over the target, so a crash never
// leaves half a PEM; the permissions are narrowed before any secret byte is written.
bool writeFile(const QString& path, const QByteArray& contents, QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions))
        return false;
    file.write(contents);
    return file.commit();
}

std::optional<TlsIdentity> loadPair(const QString& certPath, const QString& keyPath, QString* error)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate or key in ") + QFileInfo(certPath).path();
        return std::nullopt;
    }
    if (keyFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        qCWarning(lcTls) << keyPath << "is readable by group or others; it should be mode 0600";
    TlsIdentity identity;
    identity.certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
    identity.privateKey = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (identity.certificate.isNull() || identity.privateKey.isNull()) {
        *error = QStringLiteral("the TLS certificate or key in %1 cannot be parsed (an EC key is expected)")
                     .arg(QFileInfo(certPath).path());
        return std::nullopt;
    }
    return identity;
}

bool createPair(const QString& dir, const QString& certPath, const QString& keyPath, QString* error)
{
    if (!QDir().mkpath(dir)
        || !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        *error = QStringLiteral("cannot create the directory ") + dir;
        return false;
    }
    const auto [certPem, keyPem] = generatePem();
    if (certPem.isEmpty() || keyPem.isEmpty()) {
        *error = QStringLiteral("OpenSSL could not generate a TLS certificate");
        return false;
    }
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!writeFile(keyPath, keyPem, ownerOnly)
        || !writeFile(certPath, certPem, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        *error = QStringLiteral("cannot write the TLS certificate and key to ") + dir;
        return false;
    }
    return true;
}

} // namespace

QString TlsIdentity::sha256Fingerprint() const
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

std::optional<TlsIdentity> TlsIdentity::loadOrCreate(const QString& dataDir, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    const QString dir = QDir(dataDir).filePath(QStringLiteral("tls"));
    const QString certPath = QDir(dir).filePath(QStringLiteral("cert.pem"));
    const QString keyPath = QDir(dir).filePath(QStringLiteral("key.pem"));
    const bool haveCert = QFile::exists(certPath);
    const bool haveKey = QFile::exists(keyPath);
    if (haveCert != haveKey) {
        // Never overwrite half of an operator's pair: they may have put it there on purpose.
        message = QStringLiteral("%1 holds only one of cert.pem and key.pem").arg(dir);
        return std::nullopt;
    }
    if (!haveCert) {
        if (!createPair(dir, certPath, keyPath, &message))
            return std::nullopt;
        qCInfo(lcTls) << "Generated a self-signed TLS certificate in" << dir;
    }
    return loadPair(certPath, keyPath, &message);
}
