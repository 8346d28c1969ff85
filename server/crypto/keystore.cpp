#include "crypto/keystore.h"

#include "crypto/hmacsha256.h"
#include "crypto/random.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <qt6keychain/keychain.h>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcKeyStore, "gatehouse.crypto.keystore")

namespace {

constexpr int MasterKeyBytes = 32;
constexpr int KeychainTimeoutMs = 3000;
const char SigningLabel[] = "gatehouse jwt signing v1";
const char PepperLabel[] = "gatehouse token pepper v1";
const char SealingLabel[] = "gatehouse sealed settings v1";

QByteArray hkdfSha256(const QByteArray& master, const char* label)
{
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX* ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    char digest[] = "SHA256";
    QByteArray key = master;
    QByteArray info(label);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, key.data(), size_t(key.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(32, Qt::Uninitialized);
    auto* outData = reinterpret_cast<unsigned char*>(out.data());
    const bool ok = ctx && EVP_KDF_derive(ctx, outData, size_t(out.size()), params) == 1;
    EVP_KDF_CTX_free(ctx);
    return ok ? out : QByteArray();
}

std::optional<KeyStore::Backend> resolveBackend(KeyStore::Backend requested, QString* error)
{
    const QByteArray env = qgetenv("GATEHOUSE_KEYSTORE").trimmed().toLower();
    if (env.isEmpty())
        return requested;
    if (env == "file")
        return KeyStore::Backend::File;
    if (env == "keychain")
        return KeyStore::Backend::Keychain;
    if (env == "auto")
        return KeyStore::Backend::Auto;
    *error = QStringLiteral("GATEHOUSE_KEYSTORE must be file, keychain or auto");
    return std::nullopt;
}

// One entry per data directory, so two instances on one machine never share a key.
QString keychainEntry(const QString& dataDir)
{
    const QByteArray path = QDir(dataDir).absolutePath().toUtf8();
    const QByteArray digest = QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("master-key:") + QString::fromLatin1(digest);
}

struct KeychainAnswer
{
    QKeychain::Error error = QKeychain::OtherError;
    QString message = QStringLiteral("the keychain did not answer within 3 s");
    QByteArray data;
};

// QtKeychain jobs are asynchronous; a local event loop waits for the answer, with a
// deadline so a hung Secret Service cannot hang start-up (never a processEvents() spin).
KeychainAnswer runKeychainJob(QKeychain::Job* job)
{
    KeychainAnswer answer;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&answer, &loop](QKeychain::Job* finished) {
        answer.error = finished->error();
        answer.message = finished->errorString();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
            answer.data = read->binaryData();
        loop.quit();
    });
    QTimer::singleShot(KeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->setAutoDelete(true);
    job->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return answer;
}

std::optional<QByteArray> keychainMasterKey(const QString& dataDir, QString* error)
{
    if (!QCoreApplication::instance()) {
        *error = QStringLiteral("the keychain needs a running application object");
        return std::nullopt;
    }
    const QString service = QStringLiteral("gatehouse");
    auto* read = new QKeychain::ReadPasswordJob(service);
    read->setKey(keychainEntry(dataDir));
    KeychainAnswer answer = runKeychainJob(read);
    if (answer.error == QKeychain::NoError) {
        if (answer.data.size() == MasterKeyBytes)
            return answer.data;
        // Never overwrite: a damaged entry would otherwise silently invalidate every session.
        *error = QStringLiteral("the keychain entry for the master key has the wrong size");
        return std::nullopt;
    }
    if (answer.error != QKeychain::EntryNotFound) {
        *error = QStringLiteral("keychain: ") + answer.message;
        return std::nullopt;
    }
    const QByteArray secret = Random::bytes(MasterKeyBytes);
    auto* write = new QKeychain::WritePasswordJob(service);
    write->setKey(keychainEntry(dataDir));
    write->setBinaryData(secret);
    answer = runKeychainJob(write);
    if (answer.error != QKeychain::NoError) {
        *error = QStringLiteral("keychain: ") + answer.message;
        return std::nullopt;
    }
    return secret;
}

std::optional<QByteArray> readKeyFile(const QString& path, QString* error)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = path + QStringLiteral(" is not a regular file");
        return std::nullopt;
    }
    // Anyone who can read the master key can mint tokens for any account.
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        *error = path
            + QStringLiteral(" is accessible by group or others (mode %1); run chmod 600 on it")
                  .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0'));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return std::nullopt;
    }
    const QByteArray secret = file.read(MasterKeyBytes + 1);
    if (secret.size() != MasterKeyBytes) {
        *error = path + QStringLiteral(" does not hold a %1-byte key").arg(MasterKeyBytes);
        return std::nullopt;
    }
    return secret;
}

// Written to a private temporary file (mkstemp: mode 0600 from the start), then link()ed
// into place: the key file never exists half-written or with wider permissions, and two
// processes starting at once cannot overwrite each other's key (link refuses to replace).
bool createKeyFile(const QString& path, QString* error)
{
    QByteArray tmpl = QFile::encodeName(path) + ".XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        *error = QStringLiteral("cannot create a file next to ") + path;
        return false;
    }
    const QByteArray secret = Random::bytes(MasterKeyBytes);
    const bool written = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0
        && ::write(fd, secret.constData(), size_t(secret.size())) == secret.size() && ::fsync(fd) == 0;
    ::close(fd);
    const bool linked = written && ::link(tmpl.constData(), QFile::encodeName(path).constData()) == 0;
    const int linkErrno = errno;
    ::unlink(tmpl.constData());
    if (!linked && !(written && linkErrno == EEXIST)) {
        *error = QStringLiteral("cannot write ") + path;
        return false;
    }
    return true;
}

std::optional<QByteArray> fileMasterKey(const QString& dataDir, QString* error)
{
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create the data directory ") + dataDir;
        return std::nullopt;
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("master.key"));
    if (!QFileInfo::exists(path) && !createKeyFile(path, error))
        return std::nullopt;
    return readKeyFile(path, error);
}

// Auto: a key file from an earlier headless start stays authoritative, so the keys do not
// change with whether a desktop session happens to be around; otherwise the keychain is tried
// when a session bus exists, and the file is the fallback.
std::optional<QByteArray> masterKey(const QString& dataDir, KeyStore::Backend backend, bool* fromKeychain,
                                    QString* error)
{
    const QString keyFile = QDir(dataDir).filePath(QStringLiteral("master.key"));
    const bool tryKeychain = backend == KeyStore::Backend::Keychain
        || (backend == KeyStore::Backend::Auto && !QFileInfo::exists(keyFile)
            && !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    *fromKeychain = tryKeychain;
    if (tryKeychain) {
        std::optional<QByteArray> master = keychainMasterKey(dataDir, error);
        if (master || backend == KeyStore::Backend::Keychain)
            return master;
        qCInfo(lcKeyStore) << "No usable keychain, keeping the master key in a file:" << *error;
        *fromKeychain = false;
    }
    return fileMasterKey(dataDir, error);
}

} // namespace

std::optional<KeyStore> KeyStore::open(const Options& options, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    const std::optional<Backend> backend = resolveBackend(options.backend, &message);
    if (!backend)
        return std::nullopt;
    bool fromKeychain = false;
    const std::optional<QByteArray> master = options.masterKeyFile.isEmpty()
        ? masterKey(options.dataDir, *backend, &fromKeychain, &message)
        : readKeyFile(options.masterKeyFile, &message);
    if (!master)
        return std::nullopt;
    KeyStore store;
    store.m_backend = fromKeychain ? Backend::Keychain : Backend::File;
    store.m_tokenPepper = hkdfSha256(*master, PepperLabel);
    store.m_sealingKey = hkdfSha256(*master, SealingLabel);
    store.m_signingKey =
        options.secretKeyOverride.isEmpty() ? hkdfSha256(*master, SigningLabel) : options.secretKeyOverride;
    if (store.m_tokenPepper.isEmpty() || store.m_signingKey.isEmpty() || store.m_sealingKey.isEmpty()) {
        message = QStringLiteral("HKDF-SHA256 is unavailable in OpenSSL");
        return std::nullopt;
    }
    message.clear();
    return store;
}

QString KeyStore::backendName() const
{
    return m_backend == Backend::Keychain ? QStringLiteral("keychain") : QStringLiteral("file");
}

QString KeyStore::checkValue() const
{
    const QByteArray keys = m_signingKey + m_tokenPepper + m_sealingKey;
    const HmacSha256 mac(keys);
    return QString::fromLatin1(mac.mac(QByteArrayLiteral("gatehouse key check value v1")).toHex());
}
