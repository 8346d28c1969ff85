// The guarded listener over TLS: 1.2 and 1.3 only, AEAD suites only, a handshake deadline,
// HSTS, and the guard's refusals and ordering on encrypted connections.
#include "http_testsupport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCipher>
#include <QSslSocket>
#include <QTemporaryDir>

using namespace httptest;

namespace {

class TlsClient
{
public:
    TlsClient(quint16 port, const QSslConfiguration& configuration)
    {
        m_socket.setSslConfiguration(configuration);
        QObject::connect(&m_socket, &QSslSocket::readyRead, [this] { m_data += m_socket.readAll(); });
        QObject::connect(&m_socket, &QSslSocket::encrypted, [this] { m_encrypted = true; });
        QObject::connect(&m_socket, &QSslSocket::disconnected, [this] { m_closed = true; });
        QObject::connect(&m_socket, &QSslSocket::errorOccurred, [this] { m_failed = !m_encrypted; });
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    }
    QSslSocket& socket() { return m_socket; }
    bool isEncrypted() const { return m_encrypted; }
    bool handshakeFailed() const { return m_failed; }
    bool isClosed() const { return m_closed; }
    QList<RawResponse> responses() const { return parseResponses(m_data); }

private:
    QSslSocket m_socket;
    QByteArray m_data;
    bool m_encrypted = false;
    bool m_failed = false;
    bool m_closed = false;
};

QSslConfiguration clientConfiguration(QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // the test certificate is self-signed
    configuration.setProtocol(protocol);
    return configuration;
}

// A client that offers exactly one protocol version, whatever Qt's enum still allows;
// security level 0 lets OpenSSL 3 offer TLS 1.1 at all.
QSslConfiguration onlyProtocol(const QByteArray& version)
{
    QSslConfiguration configuration = clientConfiguration(QSsl::AnyProtocol);
    configuration.setBackendConfigurationOption("MinProtocol", version);
    configuration.setBackendConfigurationOption("MaxProtocol", version);
    configuration.setBackendConfigurationOption("CipherString", QByteArray("DEFAULT:@SECLEVEL=0"));
    return configuration;
}

// A TLS 1.2 client that offers exactly one cipher suite.
QSslConfiguration onlyTls12Cipher(const QByteArray& cipher)
{
    QSslConfiguration configuration = onlyProtocol(QByteArrayLiteral("TLSv1.2"));
    configuration.setBackendConfigurationOption("CipherString", QByteArray(cipher + ":@SECLEVEL=0"));
    return configuration;
}

} // namespace

class HttpTlsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void protocols_data();
    void protocols();
    void tls12Ciphers_data();
    void tls12Ciphers();
    void securityHeadersIncludeHsts();
    void handshakeDeadline();
    void refusalOverTls();
    void pipelinedOverTls();
    void networkAccessManager();

private:
    QTemporaryDir m_dir;
    std::optional<TlsIdentity> m_identity;
    std::shared_ptr<RouteState> m_state;
    std::unique_ptr<HttpServer> m_server;
};

void HttpTlsTest::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_dir.isValid());
    QString error;
    m_identity = TlsIdentity::loadOrCreate(m_dir.path(), &error);
    QVERIFY2(m_identity, qPrintable(error));
}

void HttpTlsTest::init()
{
    m_state = std::make_shared<RouteState>();
    ConnectionLimits limits;
    limits.handshakeTimeoutMs = 500;
    m_server = startServer(m_state, limits, m_identity);
    QVERIFY(m_server);
    QVERIFY(m_server->isTls());
}

void HttpTlsTest::cleanup()
{
    m_server.reset();
}

void HttpTlsTest::protocols_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("negotiated");
    QTest::newRow("TLS 1.3") << QByteArray("TLSv1.3") << true << int(QSsl::TlsV1_3);
    QTest::newRow("TLS 1.2") << QByteArray("TLSv1.2") << true << int(QSsl::TlsV1_2);
    QTest::newRow("TLS 1.1") << QByteArray("TLSv1.1") << false << 0;
    QTest::newRow("TLS 1.0") << QByteArray("TLSv1") << false << 0;
}

void HttpTlsTest::protocols()
{
    QFETCH(QByteArray, version);
    QFETCH(bool, accepted);
    QFETCH(int, negotiated);
    TlsClient client(m_server->port(), onlyProtocol(version));
    QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted() || client.handshakeFailed(), 5000);
    QCOMPARE(client.isEncrypted(), accepted);
    if (!accepted) {
        // The client did offer the old version; the server ended the handshake.
        QCOMPARE(client.socket().error(), QAbstractSocket::RemoteHostClosedError);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);
        return;
    }
    QCOMPARE(int(client.socket().sessionProtocol()), negotiated);
    client.socket().write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 1, 5000);
    QCOMPARE(client.responses().first().body, QByteArray("hello"));
}

// testssl.sh found CBC suites offered under TLS 1.2 (LUCKY13): only ECDHE with an AEAD
// cipher may be negotiated; a client that offers nothing else is refused.
void HttpTlsTest::tls12Ciphers_data()
{
    QTest::addColumn<QByteArray>("cipher");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("ECDHE AES128-GCM") << QByteArray("ECDHE-ECDSA-AES128-GCM-SHA256") << true;
    QTest::newRow("ECDHE AES256-GCM") << QByteArray("ECDHE-ECDSA-AES256-GCM-SHA384") << true;
    QTest::newRow("ECDHE ChaCha20") << QByteArray("ECDHE-ECDSA-CHACHA20-POLY1305") << true;
    QTest::newRow("ECDHE AES128-CBC-SHA") << QByteArray("ECDHE-ECDSA-AES128-SHA") << false;
    QTest::newRow("ECDHE AES256-CBC-SHA") << QByteArray("ECDHE-ECDSA-AES256-SHA") << false;
    QTest::newRow("ECDHE AES128-CBC-SHA256") << QByteArray("ECDHE-ECDSA-AES128-SHA256") << false;
    QTest::newRow("ECDHE AES256-CBC-SHA384") << QByteArray("ECDHE-ECDSA-AES256-SHA384") << false;
    QTest::newRow("ECDHE AES128-CCM") << QByteArray("ECDHE-ECDSA-AES128-CCM") << false;
    QTest::newRow("every non-AEAD suite") << QByteArray("ALL:!AESGCM:!AESCCM:!CHACHA20:!ARIAGCM") << false;
}

void HttpTlsTest::tls12Ciphers()
{
    QFETCH(QByteArray, cipher);
    QFETCH(bool, accepted);
    TlsClient client(m_server->port(), onlyTls12Cipher(cipher));
    QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted() || client.handshakeFailed(), 5000);
    QCOMPARE(client.isEncrypted(), accepted);
    if (!accepted) {
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);
        return;
    }
    QCOMPARE(client.socket().sessionCipher().name().toLatin1(), cipher);
    client.socket().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 1, 5000);
}

void HttpTlsTest::securityHeadersIncludeHsts()
{
    TlsClient client(m_server->port(), clientConfiguration());
    client.socket().write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 1, 5000);
    const RawResponse response = client.responses().first();
    QCOMPARE(response.header("Strict-Transport-Security"), QByteArray("max-age=31536000"));
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
}

void HttpTlsTest::handshakeDeadline()
{
    RawClient silent(m_server->port()); // connects over TCP and never says hello
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 1, 5000);
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(silent.isClosed(), 5000);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->connectionCount(), 0);
}

void HttpTlsTest::refusalOverTls()
{
    TlsClient client(m_server->port(), clientConfiguration());
    client.socket().write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n"
                          + QByteArray(70000, 'x'));
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses[0].status, 200);
    QCOMPARE(responses[1].status, 413);
    QCOMPARE(responses[1].json().value(u"path").toString(), u"/echo"_s);
}

void HttpTlsTest::pipelinedOverTls()
{
    TlsClient client(m_server->port(), clientConfiguration());
    client.socket().write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 2, 5000);
    QCOMPARE(client.responses()[0].body, QByteArray("slow"));
    QCOMPARE(client.responses()[1].body, QByteArray("hello"));
}

void HttpTlsTest::networkAccessManager()
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/hello"_s.arg(m_server->port())));
    request.setSslConfiguration(clientConfiguration());
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray("hello"));
    QCOMPARE(reply->rawHeader("Strict-Transport-Security"), QByteArray("max-age=31536000"));
}

QTEST_GUILESS_MAIN(HttpTlsTest)
#include "http_tls.moc"
