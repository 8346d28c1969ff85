#include "crypto/tlsidentity.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

mode_t modeOf(const QString& path)
{
    struct stat info
    {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_mode & 0777;
}

} // namespace

class TestTlsIdentity : public QObject
{
    Q_OBJECT

private slots:
    void createsASelfSignedEcCertificate()
    {
        QTemporaryDir dir;
        QString error;
        const std::optional<TlsIdentity> identity = TlsIdentity::loadOrCreate(dir.path(), &error);
        QVERIFY2(identity, qPrintable(error));
        QVERIFY(!identity->certificate.isNull());
        // Self-issued. (QSslCertificate::isSelfSigned() says no: keyUsage deliberately lacks
        // keyCertSign, so this leaf cannot be abused as a CA; the handshake test shows it works.)
        QCOMPARE(identity->certificate.issuerDisplayName(), identity->certificate.subjectDisplayName());
        QCOMPARE(identity->privateKey.algorithm(), QSsl::Ec);
        QCOMPARE(identity->privateKey.type(), QSsl::PrivateKey);
        QCOMPARE(identity->privateKey.length(), 256);

        const auto san = identity->certificate.subjectAlternativeNames();
        QVERIFY(san.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(san.values(QSsl::IpAddressEntry).contains(QStringLiteral("0:0:0:0:0:0:0:1"))
                || san.values(QSsl::IpAddressEntry).contains(QStringLiteral("::1")));
        const QString cn = identity->certificate.subjectInfo(QSslCertificate::CommonName).value(0);
        QVERIFY(!cn.isEmpty());
        QVERIFY(san.values(QSsl::DnsEntry).contains(cn));

        const QString text = identity->certificate.toText();
        QVERIFY2(text.contains(QStringLiteral("CA:FALSE")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Digital Signature")));
        QVERIFY(text.contains(QStringLiteral("TLS Web Server Authentication")));
        QVERIFY(text.contains(QStringLiteral("ecdsa-with-SHA256")));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(identity->certificate.effectiveDate() <= now.addSecs(-3500));
        QVERIFY(qAbs(identity->certificate.expiryDate().secsTo(now.addDays(825))) < 120);
    }

    void filesArePrivate()
    {
        QTemporaryDir dir;
        QVERIFY(TlsIdentity::loadOrCreate(dir.path(), nullptr));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("tls"))), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("tls/key.pem"))), mode_t(0600));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("tls/cert.pem"))));
    }

    void secondStartLoadsTheSamePair()
    {
        QTemporaryDir dir;
        const std::optional<TlsIdentity> first = TlsIdentity::loadOrCreate(dir.path(), nullptr);
        const std::optional<TlsIdentity> second = TlsIdentity::loadOrCreate(dir.path(), nullptr);
        QVERIFY(first && second);
        QCOMPARE(second->certificate, first->certificate);
        QCOMPARE(second->privateKey.toPem(), first->privateKey.toPem());
        QCOMPARE(second->sha256Fingerprint(), first->sha256Fingerprint());
        // A different data directory gets its own certificate.
        QTemporaryDir other;
        const std::optional<TlsIdentity> third = TlsIdentity::loadOrCreate(other.path(), nullptr);
        QVERIFY(third);
        QVERIFY(third->certificate != first->certificate);
    }

    void fingerprintFormat()
    {
        QTemporaryDir dir;
        const std::optional<TlsIdentity> identity = TlsIdentity::loadOrCreate(dir.path(), nullptr);
        QVERIFY(identity);
        static const QRegularExpression format(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
        QString fingerprint = identity->sha256Fingerprint();
        QVERIFY2(format.match(fingerprint).hasMatch(), qPrintable(fingerprint));
        QCOMPARE(fingerprint.remove(QLatin1Char(':')).toLower().toLatin1(),
                 identity->certificate.digest(QCryptographicHash::Sha256).toHex());
    }

    void brokenPairsAreReported_data()
    {
        QTest::addColumn<bool>("writeCert");
        QTest::addColumn<bool>("writeKey");
        QTest::newRow("certificate only") << true << false;
        QTest::newRow("key only") << false << true;
        QTest::newRow("both garbage") << true << true;
    }

    void brokenPairsAreReported()
    {
        QFETCH(bool, writeCert);
        QFETCH(bool, writeKey);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("tls")));
        for (const auto& [wanted, name] : {std::pair{writeCert, "tls/cert.pem"}, std::pair{writeKey, "tls/key.pem"}}) {
            QFile file(dir.filePath(QLatin1String(name)));
            if (wanted) {
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write("garbage");
            }
        }
        QString error;
        QVERIFY(!TlsIdentity::loadOrCreate(dir.path(), &error));
        QVERIFY(!error.isEmpty());
        // Never overwritten: the operator's files stay as they were.
        if (writeCert) {
            QFile cert(dir.filePath(QStringLiteral("tls/cert.pem")));
            QVERIFY(cert.open(QIODevice::ReadOnly));
            QCOMPARE(cert.readAll(), QByteArray("garbage"));
        }
    }

    void handshake_data()
    {
        QTest::addColumn<QSsl::SslProtocol>("protocol");
        QTest::newRow("TLS 1.2") << QSsl::TlsV1_2;
        QTest::newRow("TLS 1.3") << QSsl::TlsV1_3;
    }

    void handshake()
    {
        QFETCH(QSsl::SslProtocol, protocol);
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        const std::optional<TlsIdentity> identity = TlsIdentity::loadOrCreate(dir.path(), nullptr);
        QVERIFY(identity);

        QSslServer server;
        QSslConfiguration serverConfig = QSslConfiguration::defaultConfiguration();
        serverConfig.setLocalCertificate(identity->certificate);
        serverConfig.setPrivateKey(identity->privateKey);
        serverConfig.setProtocol(QSsl::TlsV1_2OrLater);
        server.setSslConfiguration(serverConfig);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        // The client trusts exactly this certificate, as a client that pinned it would.
        QSslSocket client;
        QSslConfiguration clientConfig = QSslConfiguration::defaultConfiguration();
        clientConfig.setCaCertificates({identity->certificate});
        clientConfig.setProtocol(protocol);
        clientConfig.setPeerVerifyMode(QSslSocket::VerifyPeer);
        client.setSslConfiguration(clientConfig);
        QList<QSslError> errors;
        connect(&client, &QSslSocket::sslErrors, this, [&errors](const QList<QSslError>& list) { errors = list; });
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        client.connectToHostEncrypted(QStringLiteral("localhost"), server.serverPort());
        QVERIFY2(encrypted.wait(10000), qPrintable(client.errorString()));
        QVERIFY(errors.isEmpty());
        QCOMPARE(client.sessionProtocol(), protocol);
        QCOMPARE(client.peerCertificate(), identity->certificate);
    }
};

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "crypto_tlsidentity.moc"
