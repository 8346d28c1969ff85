// GET /api/ws-token and the WebSocket /api/ws/logs: a fresh token streams audit events as
// JSON text frames; a re-used, expired, garbage or missing token, another path and a
// cross-site Origin are refused with HTTP 403/404 before any upgrade; a client message over
// 4 KiB closes the socket; the server keeps serving HTTP throughout. Over TLS.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/rawclient.h"
#include "tests/testsupport/testhelpers.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

constexpr int WaitMs = 10'000;

// A WebSocket client that trusts exactly the server's certificate, as HttpClient does.
std::unique_ptr<QWebSocket> makeClient(const QString& certificatePath, const QString& origin = {})
{
    auto socket = std::make_unique<QWebSocket>(origin);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(certificatePath, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(tls);
    return socket;
}

QByteArray upgradeRequest(const QByteArray& target, quint16 port, const QByteArray& origin = {})
{
    QByteArray out = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    if (!origin.isEmpty())
        out += "Origin: " + origin + "\r\n";
    return out + "\r\n";
}

} // namespace

class RestWebSocketTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tokenShape();
    void tokenNeedsCredential();
    void streamsAuditEvents();
    void sameOriginIsAccepted();
    void refusedBeforeUpgrade_data();
    void refusedBeforeUpgrade();
    void clientMessagesAreIgnored();
    void oversizedMessageCloses();

private:
    QByteArray wsToken();
    QUrl logsUrl(const QString& token) const;
    bool open(QWebSocket& socket, const QString& token);
    void expectRefused(const QByteArray& request, int status);

    std::unique_ptr<FlexFixture> m_fx;
    QByteArray m_bearer;
};

void RestWebSocketTest::init()
{
    m_fx = std::make_unique<FlexFixture>([](Config& config) { config.globalRateLimitRps = 0; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    m_bearer = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!m_bearer.isEmpty());
}

void RestWebSocketTest::cleanup()
{
    m_fx.reset();
}

QByteArray RestWebSocketTest::wsToken()
{
    const HttpResponse response =
        m_fx->http.get(m_fx->server.url(QStringLiteral("/api/ws-token")), HttpClient::bearer(m_bearer));
    if (response.status != 200)
        qWarning().noquote() << "ws-token:" << response.describe();
    return response.object().value(QStringLiteral("token")).toString().toLatin1();
}

QUrl RestWebSocketTest::logsUrl(const QString& token) const
{
    return QUrl(QStringLiteral("wss://127.0.0.1:%1/api/ws/logs?token=%2").arg(m_fx->server.port()).arg(token));
}

bool RestWebSocketTest::open(QWebSocket& socket, const QString& token)
{
    QSignalSpy connected(&socket, &QWebSocket::connected);
    socket.open(logsUrl(token));
    return connected.wait(WaitMs);
}

// The refusal is a plain HTTP answer (never 101) in the rest envelope, then a close; the
// server keeps serving.
void RestWebSocketTest::expectRefused(const QByteArray& request, int status)
{
    RawClient raw(m_fx->server.host(), m_fx->server.port(), true, m_fx->server.certificatePath());
    QVERIFY2(raw.connectToServer(), qPrintable(raw.errorString()));
    QVERIFY(raw.send(request));
    const auto response = raw.readResponse();
    QVERIFY2(response, raw.buffered().constData());
    const QByteArray expectedStart = "HTTP/1.1 " + QByteArray::number(status);
    QVERIFY2(response->statusLine.startsWith(expectedStart), response->statusLine.constData());
    QVERIFY(!raw.buffered().contains("101"));
    const QJsonObject body = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QCOMPARE(body.value(QStringLiteral("error")).toString(),
             status == 403 ? QStringLiteral("forbidden") : QStringLiteral("not_found"));
    QVERIFY(raw.waitForClosed());
    EXPECT_STATUS(m_fx->http.get(m_fx->server.url(QStringLiteral("/flex/health"))), 200);
}

void RestWebSocketTest::tokenShape()
{
    const HttpResponse response =
        m_fx->http.get(m_fx->server.url(QStringLiteral("/api/ws-token")), HttpClient::bearer(m_bearer));
    EXPECT_STATUS(response, 200);
    const QJsonObject body = response.object();
    QCOMPARE(body.size(), 2);
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    const QString token = body.value(QStringLiteral("token")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(token).hasMatch(), qPrintable(token));
    QVERIFY(wsToken() != token.toLatin1());
}

void RestWebSocketTest::tokenNeedsCredential()
{
    const HttpResponse response = m_fx->http.get(m_fx->server.url(QStringLiteral("/api/ws-token")));
    EXPECT_STATUS(response, 401);
}

void RestWebSocketTest::streamsAuditEvents()
{
    auto socket = makeClient(m_fx->server.certificatePath());
    QVERIFY(open(*socket, QString::fromLatin1(wsToken())));
    QSignalSpy frames(socket.get(), &QWebSocket::textMessageReceived);

    EXPECT_STATUS(m_fx->flex.login(TestPasswords::wrong()), 400);
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), WaitMs);

    QJsonObject event;
    for (const QList<QVariant>& frame : std::as_const(frames)) {
        const QJsonObject candidate = QJsonDocument::fromJson(frame.at(0).toString().toUtf8()).object();
        if (candidate.value(QStringLiteral("kind")).toString() == u"login.failed")
            event = candidate;
    }
    QVERIFY2(!event.isEmpty(), qPrintable(frames.first().at(0).toString()));
    QCOMPARE(QStringList(event.keys()),
             (QStringList{QStringLiteral("actor"), QStringLiteral("at"), QStringLiteral("client_ip"),
                          QStringLiteral("detail"), QStringLiteral("id"), QStringLiteral("kind")}));
    QCOMPARE(event.value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
    QCOMPARE(event.value(QStringLiteral("client_ip")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(event.value(QStringLiteral("at")).toString(), TestConstants::isoUtc(TestConstants::startTime()));
    QVERIFY(event.value(QStringLiteral("detail")).isObject());
    QVERIFY(event.value(QStringLiteral("id")).isDouble());
}

void RestWebSocketTest::sameOriginIsAccepted()
{
    const QString origin = QStringLiteral("https://127.0.0.1:%1").arg(m_fx->server.port());
    auto socket = makeClient(m_fx->server.certificatePath(), origin);
    QVERIFY(open(*socket, QString::fromLatin1(wsToken())));
}

void RestWebSocketTest::refusedBeforeUpgrade_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("re-used token") << "reused" << 403;
    QTest::newRow("expired token") << "expired" << 403;
    QTest::newRow("garbage token") << "garbage" << 403;
    QTest::newRow("missing token") << "missing" << 403;
    QTest::newRow("cross-site origin") << "cross-site" << 403;
    QTest::newRow("null origin") << "null-origin" << 403;
    QTest::newRow("another path") << "other-path" << 404;
}

void RestWebSocketTest::refusedBeforeUpgrade()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    const quint16 port = m_fx->server.port();
    QByteArray token = wsToken();
    QByteArray origin;
    QByteArray path = "/api/ws/logs?token=";
    if (kind == u"reused") {
        auto first = makeClient(m_fx->server.certificatePath());
        QVERIFY(open(*first, QString::fromLatin1(token)));
    } else if (kind == u"expired") {
        m_fx->server.clock().advanceSecs(121);
    } else if (kind == u"garbage") {
        token = QByteArray(43, 'A');
    } else if (kind == u"missing") {
        path = "/api/ws/logs";
        token.clear();
    } else if (kind == u"cross-site") {
        origin = "https://evil.example";
    } else if (kind == u"null-origin") {
        origin = "null";
    } else {
        path = "/api/ws/other?token=";
    }
    expectRefused(upgradeRequest(path + token, port, origin), status);
    if (kind == u"cross-site" || kind == u"null-origin") // refused before the token was looked at
        expectRefused(upgradeRequest(path + token, port, "https://127.0.0.1.evil.example:" + QByteArray::number(port)),
                      403);
}

void RestWebSocketTest::clientMessagesAreIgnored()
{
    auto socket = makeClient(m_fx->server.certificatePath());
    QVERIFY(open(*socket, QString::fromLatin1(wsToken())));
    QSignalSpy frames(socket.get(), &QWebSocket::textMessageReceived);
    socket->sendTextMessage(QString(4096, u'x')); // at the cap: read and dropped
    socket->sendTextMessage(QStringLiteral("{\"kind\": \"hello\"}"));
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::wrong()), 400);
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), WaitMs);
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
}

void RestWebSocketTest::oversizedMessageCloses()
{
    auto socket = makeClient(m_fx->server.certificatePath());
    QVERIFY(open(*socket, QString::fromLatin1(wsToken())));
    QSignalSpy disconnected(socket.get(), &QWebSocket::disconnected);
    socket->sendTextMessage(QString(4097, u'x'));
    QVERIFY(disconnected.wait(WaitMs));
    QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    EXPECT_STATUS(m_fx->http.get(m_fx->server.url(QStringLiteral("/flex/health"))), 200);
    // A fresh token still opens a stream: the closed one left nothing behind that blocks.
    auto again = makeClient(m_fx->server.certificatePath());
    QVERIFY(open(*again, QString::fromLatin1(wsToken())));
}

QTEST_MAIN(RestWebSocketTest)
#include "rest_websocket.moc"
