// Request smuggling and framing disagreements between the connection guard and QHttpServer
// 6.4 (issue 11: findings 1, 7, 12, 14), against the real gatehoused over plain HTTP and
// TLS, with raw bytes: a chunk-size line with junk after the size, two Upgrade headers with
// a valid ws-token, HTTP/1.1 without (or with two) Host, and the 8 KiB field-line limit.
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/rawclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

namespace {

const QString kPassword = QStringLiteral("Smuggling-test-Passw0rd-37");

QByteArray passwordBody()
{
    return "{\"password\": \"" + kPassword.toUtf8() + "\"}";
}

// Finding 1's reproduction: the chunk-size line `<hex> <junk>` announces the inner request as
// chunk data; QHttpServer 6.4 read size 0 from it and executed the inner request unframed.
QByteArray junkChunkRequest(const QByteArray& junk, const QByteArray& inner)
{
    const QByteArray data = "\r\n" + inner;
    return "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + QByteArray::number(data.size(), 16) + ' ' + junk + "\r\n" + data + "\r\n0\r\n\r\n";
}

QByteArray upgradeRequest(const QByteArray& token, const QByteArray& upgradeLines)
{
    return "GET /api/ws/logs?token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n" + upgradeLines
        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
}

} // namespace

class SecuritySmugglingTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void junkAfterChunkSize_data();
    void junkAfterChunkSize();
    void hostHeader_data();
    void hostHeader();
    void fieldLineLimit_data();
    void fieldLineLimit();
    void duplicateUpgradeKeepsTheToken_data() { tlsRows(); }
    void duplicateUpgradeKeepsTheToken();
    void duplicateUpgradesDoNotHoldTheCap();

private:
    static void tlsRows();
    GatehousedProcess& server(bool tls) { return *m_servers[tls ? 1 : 0]; }
    std::unique_ptr<RawClient> client(GatehousedProcess& process);
    std::optional<RawResponse> exchange(GatehousedProcess& process, const QByteArray& request,
                                        QByteArray* rest = nullptr);
    QByteArray bearer(GatehousedProcess& process);
    QByteArray wsToken(GatehousedProcess& process);
    bool startServer(GatehousedProcess& process, QTemporaryDir& dir, bool tls, const QProcessEnvironment& env = {});

    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    std::vector<std::unique_ptr<GatehousedProcess>> m_servers; // plain, TLS
};

void SecuritySmugglingTest::tlsRows()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("tls") << true;
}

bool SecuritySmugglingTest::startServer(GatehousedProcess& process, QTemporaryDir& dir, bool tls,
                                        const QProcessEnvironment& extra)
{
    QProcessEnvironment env = extra;
    env.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
    if (!process.start(dir.path(), tls, {}, GatehousedProcess::testEnvironment(env))) {
        qWarning("%s", qPrintable(process.startError()));
        return false;
    }
    const auto response = exchange(process, RawClient::request("PUT", "/flex/auth/password", passwordBody()));
    return response && response->status == 200; // authentication on: the admin has a password
}

void SecuritySmugglingTest::initTestCase()
{
    for (const bool tls : {false, true}) {
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        m_servers.push_back(std::make_unique<GatehousedProcess>());
        QVERIFY(startServer(*m_servers.back(), *m_dirs.back(), tls));
    }
}

void SecuritySmugglingTest::cleanupTestCase()
{
    for (const auto& process : m_servers)
        QVERIFY2(!process->isRunning() || process->terminate(), "gatehoused did not exit on SIGTERM");
    m_servers.clear();
    m_dirs.clear();
}

std::unique_ptr<RawClient> SecuritySmugglingTest::client(GatehousedProcess& process)
{
    auto raw = std::make_unique<RawClient>(QStringLiteral("127.0.0.1"), process.port(), process.isTls(),
                                           process.certificatePath());
    if (!raw->connectToServer())
        qWarning("connect failed: %s", qPrintable(raw->errorString()));
    return raw;
}

// Sends one request on a fresh connection; `rest` gets whatever followed the first answer
// until the server closed (or 2 s passed).
std::optional<RawResponse> SecuritySmugglingTest::exchange(GatehousedProcess& process, const QByteArray& request,
                                                           QByteArray* rest)
{
    auto raw = client(process);
    if (!raw->send(request))
        return std::nullopt;
    auto response = raw->readResponse(30'000);
    if (rest) {
        raw->waitForClosed(2000);
        *rest = raw->buffered();
    }
    return response;
}

QByteArray SecuritySmugglingTest::bearer(GatehousedProcess& process)
{
    const auto response = exchange(process, RawClient::request("POST", "/flex/auth/login", passwordBody()));
    return response ? QJsonDocument::fromJson(response->body).object().value(u"token").toString().toLatin1()
                    : QByteArray();
}

QByteArray SecuritySmugglingTest::wsToken(GatehousedProcess& process)
{
    const auto response = exchange(
        process, RawClient::request("GET", "/api/ws-token", {}, {{"Authorization", "Bearer " + bearer(process)}}));
    return response ? QJsonDocument::fromJson(response->body).object().value(u"token").toString().toLatin1()
                    : QByteArray();
}

void SecuritySmugglingTest::junkAfterChunkSize_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("request");
    const QByteArray version = "GET /flex/version HTTP/1.1\r\nHost: x\r\n\r\n";
    QByteArray manyHeaders = "GET /flex/version HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 150; ++i)
        manyHeaders += "X-Smuggled-" + QByteArray::number(i) + ": v\r\n";
    const QByteArray upgrade = "GET /api/ws/logs HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                               "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    for (const bool tls : {false, true}) {
        const char* scheme = tls ? "tls" : "http";
        for (const QByteArray& junk : {QByteArray("x"), QByteArray("\"q\""), QByteArray(","), QByteArray(";ext=1")}) {
            QTest::addRow("%s, '%s', inner GET", scheme, junk.constData()) << tls << junkChunkRequest(junk, version);
            QTest::addRow("%s, '%s', inner 150 headers", scheme, junk.constData())
                << tls << junkChunkRequest(junk, manyHeaders + "\r\n");
            QTest::addRow("%s, '%s', inner upgrade", scheme, junk.constData())
                << tls << junkChunkRequest(junk, upgrade);
        }
    }
}

// One answer, 400, then the close: never a second answer from the chunk data.
void SecuritySmugglingTest::junkAfterChunkSize()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, request);
    QByteArray rest;
    const auto response = exchange(server(tls), request, &rest);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY2(!rest.contains("HTTP/1.1"), rest.left(300).constData());
}

void SecuritySmugglingTest::hostHeader_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    for (const bool tls : {false, true}) {
        const char* scheme = tls ? "tls" : "http";
        QTest::addRow("%s, HTTP/1.1 with one Host", scheme)
            << tls << QByteArray("GET /flex/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") << 200;
        QTest::addRow("%s, HTTP/1.1 without Host", scheme)
            << tls << QByteArray("GET /flex/health HTTP/1.1\r\n\r\n") << 400;
        QTest::addRow("%s, HTTP/1.1 with two Host", scheme)
            << tls << QByteArray("GET /flex/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::addRow("%s, HTTP/1.0 without Host", scheme)
            << tls << QByteArray("GET /flex/health HTTP/1.0\r\n\r\n") << 200;
        QTest::addRow("%s, HTTP/1.0 with two Host", scheme)
            << tls << QByteArray("GET /flex/health HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n") << 400;
    }
}

void SecuritySmugglingTest::hostHeader()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const auto response = exchange(server(tls), request);
    QVERIFY(response);
    QCOMPARE(response->status, status);
}

// docs/API.md: one field line (name, colon and value) at most 8 KiB — QHttpServer 6.4 drops
// every header of a request above it — within a request line and header block of 16 KiB.
void SecuritySmugglingTest::fieldLineLimit_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("lineBytes");
    QTest::addColumn<int>("status");
    for (const bool tls : {false, true}) {
        const char* scheme = tls ? "tls" : "http";
        QTest::addRow("%s, 8 KiB line", scheme) << tls << 8192 << 200;
        QTest::addRow("%s, 8 KiB + 1 line", scheme) << tls << 8193 << 431;
    }
}

void SecuritySmugglingTest::fieldLineLimit()
{
    QFETCH(bool, tls);
    QFETCH(int, lineBytes);
    QFETCH(int, status);
    const QByteArray name = "X-Long";
    const QByteArray value(lineBytes - name.size() - 2, 'v'); // "X-Long: " + value
    const auto response = exchange(server(tls), RawClient::request("GET", "/flex/health", {}, {{name, value}}));
    QVERIFY(response);
    QCOMPARE(response->status, status);
}

// Two Upgrade headers (websocket, h2c) are refused before the token is looked at: the token
// still opens the stream afterwards, and the refused connection is closed.
void SecuritySmugglingTest::duplicateUpgradeKeepsTheToken()
{
    QFETCH(bool, tls);
    const QByteArray token = wsToken(server(tls));
    QVERIFY(!token.isEmpty());

    auto refused = client(server(tls));
    QVERIFY(refused->send(upgradeRequest(token, "Upgrade: websocket\r\nUpgrade: h2c\r\n")));
    const auto response = refused->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(refused->waitForClosed(5000));

    auto accepted = client(server(tls));
    QVERIFY(accepted->send(upgradeRequest(token, "Upgrade: websocket\r\n")));
    const auto switching = accepted->readResponse();
    QVERIFY(switching);
    QCOMPARE(switching->status, 101);
}

// Each such request used to leave its connection outside every deadline and never evictable:
// as many of them as the per-address cap locked the address out for good.
void SecuritySmugglingTest::duplicateUpgradesDoNotHoldTheCap()
{
    QTemporaryDir dir;
    GatehousedProcess process;
    QProcessEnvironment env;
    env.insert(QStringLiteral("GATEHOUSE_MAX_CONNECTIONS_PER_IP"), QStringLiteral("3"));
    QVERIFY(startServer(process, dir, false, env));

    QList<QByteArray> tokens;
    for (int i = 0; i < 3; ++i) {
        tokens.append(wsToken(process));
        QVERIFY(!tokens.last().isEmpty());
    }
    std::vector<std::unique_ptr<RawClient>> held;
    for (const QByteArray& token : std::as_const(tokens)) {
        held.push_back(client(process));
        QVERIFY(held.back()->send(upgradeRequest(token, "Upgrade: websocket\r\nUpgrade: h2c\r\n")));
        QVERIFY(held.back()->readResponse()); // answered; the client keeps the connection open
    }
    const auto response = exchange(process, RawClient::request("GET", "/flex/health"));
    QVERIFY2(response, "a fresh client was refused: the address is locked out");
    QCOMPARE(response->status, 200);
    QVERIFY(process.terminate());
}

QTEST_GUILESS_MAIN(SecuritySmugglingTest)
#include "security_smuggling.moc"
