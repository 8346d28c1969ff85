// The connection guard in front of QHttpServer 6.4, tested against the real gatehoused
// (plain --http and TLS) with raw bytes: oversize bodies stay out of memory, too many
// header fields, slowloris, idle-connection exhaustion, pipelined async answers in order,
// a client vanishing during a password hash, Connection: close and HTTP/1.0.
#include "tests/testsupport/flexclient.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/rawclient.h"
#include "tests/testsupport/testhelpers.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

#include <memory>
#include <vector>

namespace {

constexpr qint64 kMiB = 1024 * 1024;
const QString kPassword = QStringLiteral("Guard-test-Passw0rd-71");

QByteArray loginBody(int padTo = 0)
{
    QByteArray body = QByteArrayLiteral("{\"password\": \"") + kPassword.toUtf8() + QByteArrayLiteral("\"");
    if (padTo > 0)
        body += QByteArray(padTo - body.size() - 1, ' '); // JSON allows any whitespace here
    return body + '}';
}

QJsonObject jsonOf(const RawResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

} // namespace

class GuardProcessTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void oversizeDeclaredBody_data() { tlsRows(); }
    void oversizeDeclaredBody();
    void oversizeChunkedBody_data() { tlsRows(); }
    void oversizeChunkedBody();
    void bodyLimitBoundary_data() { tlsRows(); }
    void bodyLimitBoundary();
    void headerFieldCount_data() { tlsRows(); }
    void headerFieldCount();
    void headerFieldCountNoSmuggling_data() { tlsRows(); }
    void headerFieldCountNoSmuggling();
    void oversizeHeaderBlock_data() { tlsRows(); }
    void oversizeHeaderBlock();
    void malformedRequestLine_data() { tlsRows(); }
    void malformedRequestLine();
    void headerDribbleCutOff_data() { tlsRows(); }
    void headerDribbleCutOff();
    void idleConnectionsDoNotLockOut_data() { tlsRows(); }
    void idleConnectionsDoNotLockOut();
    void pipelinedAnswersInOrder_data() { tlsRows(); }
    void pipelinedAnswersInOrder();
    void disconnectDuringHash_data() { tlsRows(); }
    void disconnectDuringHash();
    void keepAlive_data() { tlsRows(); }
    void keepAlive();
    void connectionCloseHonoured_data() { tlsRows(); }
    void connectionCloseHonoured();
    void http10Honoured_data() { tlsRows(); }
    void http10Honoured();
    void idleRss_data() { tlsRows(); }
    void idleRss();

private:
    static void tlsRows();
    bool startServer(const QProcessEnvironment& extra = {});
    std::unique_ptr<RawClient> client(bool tls);
    bool enableAuth();
    void expectServing(); // a fresh client still gets /flex/health
    qint64 streamUntilAnswered(RawClient& raw, qint64 total, bool chunked);

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<GatehousedProcess> m_server;
};

void GuardProcessTest::tlsRows()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("tls") << true;
}

void GuardProcessTest::initTestCase()
{
    // 1,000 idle connections need more descriptors than the usual soft limit of 1,024;
    // gatehoused inherits the raised limit.
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 8192);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
    QVERIFY2(limit.rlim_cur >= 2100, "RLIMIT_NOFILE hard limit too low for the idle-connection test");
}

void GuardProcessTest::cleanup()
{
    if (m_server && m_server->isRunning()) {
        QVERIFY2(m_server->terminate(), "gatehoused did not exit on SIGTERM");
        QCOMPARE(m_server->exitStatus(), QProcess::NormalExit); // SIGTERM handled, not fatal
        QCOMPARE(m_server->exitCode(), 0);
    }
    m_server.reset();
    m_dataDir.reset();
}

bool GuardProcessTest::startServer(const QProcessEnvironment& extra)
{
    QFETCH(bool, tls);
    QProcessEnvironment env = extra;
    env.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<GatehousedProcess>();
    if (m_server->start(m_dataDir->path(), tls, {}, GatehousedProcess::testEnvironment(env)))
        return true;
    qWarning("%s", qPrintable(m_server->startError()));
    return false;
}

std::unique_ptr<RawClient> GuardProcessTest::client(bool tls)
{
    auto raw =
        std::make_unique<RawClient>(QStringLiteral("127.0.0.1"), m_server->port(), tls, m_server->certificatePath());
    if (!raw->connectToServer())
        qWarning("connect failed: %s", qPrintable(raw->errorString()));
    return raw;
}

bool GuardProcessTest::enableAuth()
{
    auto raw = client(m_server->isTls());
    if (!raw->send(RawClient::request("PUT", "/flex/auth/password", loginBody())))
        return false;
    const auto response = raw->readResponse(30'000);
    return response && response->status == 200;
}

void GuardProcessTest::expectServing()
{
    auto raw = client(m_server->isTls());
    QVERIFY(raw->send(RawClient::request("GET", "/flex/health")));
    const auto response = raw->readResponse();
    QVERIFY2(response, "no answer from a fresh client");
    QCOMPARE(response->status, 200);
    QVERIFY(m_server->isRunning());
}

qint64 GuardProcessTest::streamUntilAnswered(RawClient& raw, qint64 total, bool chunked)
{
    const QByteArray piece(64 * 1024, 'a');
    const QByteArray frame = chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n" : piece;
    qint64 sent = 0;
    while (sent < total) {
        // Stop as soon as the server answered or closed: it must not wait for the body.
        if (!raw.send(frame, 10'000) || raw.socket()->bytesAvailable() > 0)
            break;
        sent += piece.size();
    }
    return sent;
}

void GuardProcessTest::oversizeDeclaredBody()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    const qint64 total = 200 * kMiB;
    QVERIFY(raw->send("POST /flex/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: "
                      + QByteArray::number(total) + "\r\n\r\n"));
    const qint64 sent = streamUntilAnswered(*raw, total, false);
    const auto response = raw->readResponse();
    QVERIFY2(response, qPrintable(QStringLiteral("no 413 after %1 body bytes").arg(sent)));
    QCOMPARE(response->status, 413);
    QVERIFY(raw->waitForClosed(5000));
    const qint64 peak = m_server->peakRssBytes();
    qInfo("declared 200 MB: server answered after %lld body bytes; VmHWM %lld KiB", sent, peak / 1024);
    QVERIFY2(peak > 0 && peak < 64 * kMiB, qPrintable(QStringLiteral("VmHWM %1 KiB").arg(peak / 1024)));
    expectServing();
}

void GuardProcessTest::oversizeChunkedBody()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    QVERIFY(raw->send("POST /flex/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"));
    const qint64 sent = streamUntilAnswered(*raw, 200 * kMiB, true);
    const auto response = raw->readResponse();
    QVERIFY2(response, qPrintable(QStringLiteral("no 413 after %1 chunked bytes").arg(sent)));
    QCOMPARE(response->status, 413);
    QVERIFY2(sent < 200 * kMiB, "the server read the whole 200 MB");
    const qint64 peak = m_server->peakRssBytes();
    qInfo("chunked 200 MB: server answered after %lld body bytes; VmHWM %lld KiB", sent, peak / 1024);
    QVERIFY2(peak > 0 && peak < 64 * kMiB, qPrintable(QStringLiteral("VmHWM %1 KiB").arg(peak / 1024)));
    expectServing();
}

void GuardProcessTest::bodyLimitBoundary()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    QVERIFY(enableAuth());
    auto raw = client(tls);
    const QByteArray exact = loginBody(65'536);
    QCOMPARE(exact.size(), 65'536);
    QVERIFY(raw->send(RawClient::request("POST", "/flex/auth/login", exact)));
    auto response = raw->readResponse(30'000);
    QVERIFY(response);
    QCOMPARE(response->status, 200); // accepted and parsed: whitespace-padded JSON
    QVERIFY(jsonOf(*response).value(QStringLiteral("token")).isString());

    auto over = client(tls);
    QVERIFY(over->send(RawClient::request("POST", "/flex/auth/login", loginBody(65'537))));
    response = over->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QVERIFY(jsonOf(*response).value(QStringLiteral("error")).isString()); // flex envelope
}

void GuardProcessTest::headerFieldCount()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    const auto requestWithFields = [](int fields) -> QByteArray {
        QByteArray out = "GET /flex/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int i = 1; i < fields; ++i)
            out += "X-Field-" + QByteArray::number(i) + ": v\r\n";
        return out + "\r\n";
    };
    auto ok = client(tls);
    QVERIFY(ok->send(requestWithFields(100)));
    auto response = ok->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);

    auto tooMany = client(tls);
    QVERIFY(tooMany->send(requestWithFields(101)));
    response = tooMany->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(tooMany->waitForClosed(5000));
}

void GuardProcessTest::headerFieldCountNoSmuggling()
{
    // At 101 fields QHttpServer 6.4 drops Content-Length and would parse the body as a
    // second request: exactly one answer (431) must come back, then the close.
    QFETCH(bool, tls);
    QVERIFY(startServer());
    const QByteArray smuggled = "GET /flex/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QByteArray out = "POST /flex/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
        + QByteArray::number(smuggled.size()) + "\r\n";
    for (int i = 2; i < 101; ++i)
        out += "X-Field-" + QByteArray::number(i) + ": v\r\n";
    auto raw = client(tls);
    QVERIFY(raw->send(out + "\r\n" + smuggled));
    const auto response = raw->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(raw->waitForClosed(5000));
    QVERIFY2(!raw->buffered().contains("\"api\""), raw->buffered().constData());
}

void GuardProcessTest::oversizeHeaderBlock()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    QVERIFY(raw->send(RawClient::request("GET", "/flex/health", {}, {{"X-Big", QByteArray(17 * 1024, 'b')}})));
    const auto response = raw->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(raw->waitForClosed(5000));
    expectServing();
}

void GuardProcessTest::malformedRequestLine()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    QVERIFY(raw->send("THIS IS NOT HTTP\r\n\r\n"));
    const auto response = raw->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(raw->waitForClosed(5000));
    expectServing();
}

void GuardProcessTest::headerDribbleCutOff()
{
    QFETCH(bool, tls);
    QProcessEnvironment env;
    env.insert(QStringLiteral("GATEHOUSE_HEADER_TIMEOUT_MS"), QStringLiteral("1000"));
    QVERIFY(startServer(env));
    auto raw = client(tls);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(raw->send("GET /flex/health HTTP/1.1\r\n"));

    // One header line every 100 ms, for up to 10 s, unless the server cuts us off first.
    QEventLoop loop;
    QTimer dribble;
    QTimer giveUp;
    giveUp.setSingleShot(true);
    int line = 0;
    QObject::connect(&dribble, &QTimer::timeout, &loop,
                     [&] { raw->socket()->write("X-Slow-" + QByteArray::number(++line) + ": x\r\n"); });
    QObject::connect(raw->socket(), &QAbstractSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    dribble.start(100);
    giveUp.start(10'000);
    if (raw->socket()->state() == QAbstractSocket::ConnectedState)
        loop.exec();
    dribble.stop();
    const qint64 ms = elapsed.elapsed();
    const QByteArray answer = raw->socket()->readAll().left(60);
    qInfo("cut off after %lld ms and %d dribbled lines; got: %s", ms, line, answer.constData());
    QVERIFY2(raw->socket()->state() != QAbstractSocket::ConnectedState, "still connected after 10 s of dribbling");
    QVERIFY2(ms < 4000, qPrintable(QStringLiteral("cut off only after %1 ms").arg(ms)));
    expectServing();
}

void GuardProcessTest::idleConnectionsDoNotLockOut()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    std::vector<std::unique_ptr<RawClient>> idle;
    idle.reserve(1000);
    for (int i = 0; i < 1000; ++i) {
        idle.push_back(std::make_unique<RawClient>(QStringLiteral("127.0.0.1"), m_server->port()));
        idle.back()->connectAsync();
    }
    int connected = 0;
    for (auto& raw : idle)
        connected += raw->waitConnected(10'000) ? 1 : 0;
    qInfo("%d of 1000 idle TCP connections connected", connected);
    QVERIFY(connected > 0);
    QElapsedTimer elapsed;
    elapsed.start();
    expectServing();
    qInfo("a new %s client was served %lld ms after the idle flood", tls ? "TLS" : "plain", elapsed.elapsed());
    idle.clear();
    expectServing();
}

void GuardProcessTest::pipelinedAnswersInOrder()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    QVERIFY(enableAuth());
    auto raw = client(tls);
    // The login waits for a password hash; the status after it must not overtake it.
    QVERIFY(raw->send(RawClient::request("POST", "/flex/auth/login", loginBody())
                      + RawClient::request("GET", "/flex/auth/status") + RawClient::request("GET", "/flex/version")));
    const auto login = raw->readResponse(30'000);
    const auto status = raw->readResponse(30'000);
    const auto version = raw->readResponse(30'000);
    QVERIFY(login && status && version);
    QCOMPARE(login->status, 200);
    QVERIFY2(jsonOf(*login).contains(QStringLiteral("token")), login->body.constData());
    QCOMPARE(status->status, 200);
    QCOMPARE(jsonOf(*status), (QJsonObject{{QStringLiteral("auth_enabled"), true}}));
    QCOMPARE(version->status, 200);
    QCOMPARE(jsonOf(*version).value(QStringLiteral("api")).toString(), QStringLiteral("flex"));
}

void GuardProcessTest::disconnectDuringHash()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    QVERIFY(enableAuth());
    for (int i = 0; i < 8; ++i) {
        auto raw = client(tls);
        QVERIFY(raw->send(RawClient::request("POST", "/flex/auth/login", loginBody())));
        raw->abort(); // gone while the hash runs
    }
    expectServing();
    auto raw = client(tls);
    QVERIFY(raw->send(RawClient::request("POST", "/flex/auth/login", loginBody())));
    const auto response = raw->readResponse(30'000);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void GuardProcessTest::keepAlive()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(raw->send(RawClient::request("GET", "/flex/health")));
        const auto response = raw->readResponse();
        QVERIFY2(response, qPrintable(QStringLiteral("request %1 on the same connection").arg(i + 1)));
        QCOMPARE(response->status, 200);
    }
}

void GuardProcessTest::connectionCloseHonoured()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    QVERIFY(raw->send(RawClient::request("GET", "/flex/health", {}, {{"Connection", "close"}})));
    const auto response = raw->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY2(raw->waitForClosed(5000), "the connection stayed open after Connection: close");
}

void GuardProcessTest::http10Honoured()
{
    QFETCH(bool, tls);
    QVERIFY(startServer());
    auto raw = client(tls);
    QVERIFY(raw->send("GET /flex/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"));
    const auto response = raw->readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(jsonOf(*response), (QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
    QVERIFY2(raw->waitForClosed(5000), "the connection stayed open after an HTTP/1.0 request");
}

void GuardProcessTest::idleRss()
{
    // A benchmark figure, reported and not asserted.
    QFETCH(bool, tls);
    QVERIFY(startServer());
    expectServing();
    qInfo("gatehoused (%s) idle: VmRSS %lld KiB, VmHWM %lld KiB", tls ? "tls" : "http",
          m_server->currentRssBytes() / 1024, m_server->peakRssBytes() / 1024);
}

QTEST_GUILESS_MAIN(GuardProcessTest)
#include "guard_process.moc"
