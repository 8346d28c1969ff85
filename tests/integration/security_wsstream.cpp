// The audit WebSocket follows its owner's rights (issue 11, finding 5): a stream opened with a
// bearer session, HTTP Basic or an API token is closed with 1008 (policy violation) within a
// second once that credential would no longer be let in with logs:read — the account demoted,
// disabled or removed, the session revoked, logged out, ended by a password change or
// expired, the Basic password changed, the API token revoked or expired, a change made by
// `gatehoused users remove` in another process — and stays open through changes that leave
// the owner's rights intact. Each row opens a stream for the account "holly" (an admin) and
// makes one change.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int OpenMs = 10'000;
constexpr int EventDrivenMs = 1000;  // "within a second of the change"
constexpr int PeriodicMs = 1500;     // the once-a-second re-check, plus scheduling
constexpr int OtherProcessMs = 3000; // the database watcher's poll, then the same

const QString Holly = u"holly"_s;

} // namespace

class SecurityWsStreamTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void followsOwner_data();
    void followsOwner();
    void anonymousStreamEndsWhenAuthIsEnabled();

private:
    RequestHeaders credential(const QString& kind);
    std::unique_ptr<QWebSocket> openStream(const RequestHeaders& auth);
    int change(const QString& what);

    std::unique_ptr<RestFixture> m_fx;
    QString m_hollyId;
    QString m_victorId;
    TokenPair m_hollySession;
    TokenApi::Created m_hollyToken; // logs:read, expires in 60 s
};

void SecurityWsStreamTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
    m_hollyId = m_fx->createUser(Holly, u"admin"_s, TestPasswords::second());
    m_victorId = m_fx->createUser(u"victor"_s, u"viewer"_s, TestPasswords::second());
    m_hollySession = m_fx->rest.loginPair(Holly, TestPasswords::second());
    m_hollyToken = TokenApi::create(m_fx->rest, RestClient::basic(Holly, TestPasswords::second()), u"logs"_s,
                                    {u"logs:read"_s}, TestConstants::isoUtc(m_fx->server.clock().now().addSecs(60)));
    QVERIFY(!m_hollyId.isEmpty() && !m_victorId.isEmpty() && m_hollySession.isValid() && m_hollyToken.ok());
}

void SecurityWsStreamTest::cleanup()
{
    m_fx.reset();
}

RequestHeaders SecurityWsStreamTest::credential(const QString& kind)
{
    if (kind == u"bearer")
        return RestClient::bearer(m_hollySession.access);
    if (kind == u"basic")
        return RestClient::basic(Holly, TestPasswords::second());
    return RestClient::bearer(m_hollyToken.secret);
}

std::unique_ptr<QWebSocket> SecurityWsStreamTest::openStream(const RequestHeaders& auth)
{
    const HttpResponse issued = m_fx->rest.get(u"/api/ws-token"_s, auth);
    const QString token = issued.object().value(u"token"_s).toString();
    auto socket = std::make_unique<QWebSocket>();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_fx->server.certificatePath(), QSsl::Pem));
    socket->setSslConfiguration(tls);
    QSignalSpy connected(socket.get(), &QWebSocket::connected);
    socket->open(QUrl(u"wss://127.0.0.1:%1/api/ws/logs?token=%2"_s.arg(m_fx->server.port()).arg(token)));
    if (token.isEmpty() || !connected.wait(OpenMs)) {
        qWarning().noquote() << "could not open a stream:" << issued.describe();
        return nullptr;
    }
    return socket;
}

// Makes the change; returns how long the stream may take to close after it.
int SecurityWsStreamTest::change(const QString& what)
{
    const RequestHeaders admin = RestFixture::adminBasic();
    RestClient& rest = m_fx->rest;
    const auto expect = [](const HttpResponse& response, int status) {
        if (response.status != status)
            qWarning().noquote() << "the change was refused:" << response.describe();
    };
    if (what == u"demote")
        expect(rest.updateUser(m_hollyId, {{u"role"_s, u"viewer"_s}}, admin), 200);
    else if (what == u"demote to operator") // operators read the logs too
        expect(rest.updateUser(m_hollyId, {{u"role"_s, u"operator"_s}}, admin), 200);
    else if (what == u"disable")
        expect(rest.updateUser(m_hollyId, {{u"disabled"_s, true}}, admin), 200);
    else if (what == u"remove")
        expect(rest.removeUser(m_hollyId, admin), 200);
    else if (what == u"password set")
        expect(rest.updateUser(m_hollyId, {{u"password"_s, TestPasswords::third()}}, admin), 200);
    else if (what == u"logout")
        expect(rest.logout(RestClient::bearer(m_hollySession.access)), 200);
    else if (what == u"session revoked") {
        const QJsonArray sessions = rest.listSessions(admin).object().value(u"sessions"_s).toArray();
        const QString id = RestClient::where(sessions, u"user"_s, Holly).value(0).value(u"id"_s).toString();
        expect(rest.removeSession(id, admin), 200);
    } else if (what == u"token revoked") {
        expect(TokenApi::revoke(rest, m_hollyToken.id, admin), 200);
    } else if (what == u"unrelated change") {
        expect(rest.updateUser(m_victorId, {{u"lastname"_s, u"Other"_s}}, admin), 200);
    } else if (what == u"expiry") { // the token's 60 s and the session's 7 days
        m_fx->server.clock().advanceSecs(8 * 24 * 3600);
        return PeriodicMs;
    } else if (what == u"other process") {
        const auto removed =
            GatehousedProcess::run({u"users"_s, u"remove"_s, Holly, u"--data-dir"_s, m_fx->server.dataDir()});
        if (!removed.finished || removed.exitCode != 0)
            qWarning().noquote() << "gatehoused users remove:" << removed.stderrData;
        return OtherProcessMs;
    }
    return EventDrivenMs;
}

void SecurityWsStreamTest::followsOwner_data()
{
    QTest::addColumn<QString>("credential");
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("closes");
    const auto row = [](const char* credential, const char* change, bool closes) {
        QTest::addRow("%s, %s", credential, change)
            << QString::fromLatin1(credential) << QString::fromLatin1(change) << closes;
    };
    for (const char* credential : {"bearer", "basic", "api token"}) {
        row(credential, "demote", true);
        row(credential, "disable", true);
        row(credential, "remove", true);
        row(credential, "expiry", qstrcmp(credential, "basic") != 0);
        row(credential, "unrelated change", false);
    }
    row("bearer", "other process", true); // the same re-check, after the caches reloaded
    // A role change and a password set by someone else end the account's sessions; Basic
    // follows the password, an API token neither.
    row("bearer", "demote to operator", true);
    row("basic", "demote to operator", false);
    row("api token", "demote to operator", false);
    row("bearer", "password set", true);
    row("basic", "password set", true);
    row("api token", "password set", false);
    row("bearer", "logout", true);
    row("bearer", "session revoked", true);
    row("basic", "session revoked", false);
    row("api token", "token revoked", true);
    row("bearer", "token revoked", false);
}

void SecurityWsStreamTest::followsOwner()
{
    QFETCH(QString, credential);
    QFETCH(QString, change);
    QFETCH(bool, closes);
    const auto stream = openStream(this->credential(credential));
    QVERIFY(stream);
    QSignalSpy frames(stream.get(), &QWebSocket::textMessageReceived);
    const int withinMs = this->change(change);
    if (closes) {
        QTRY_VERIFY_WITH_TIMEOUT(stream->state() == QAbstractSocket::UnconnectedState, withinMs);
        QCOMPARE(stream->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    // Still streaming: the change's own event (checked before it is sent) and the next one
    // arrive, and the socket is open. A change without an event waits for the periodic check.
    if (change == u"expiry")
        QTest::qWait(PeriodicMs);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::wrong()), 400);
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= (change == u"expiry" ? 1 : 2), OpenMs);
    QCOMPARE(stream->state(), QAbstractSocket::ConnectedState);
}

// With authentication disabled every caller is the anonymous admin; setting the admin
// password ends that.
void SecurityWsStreamTest::anonymousStreamEndsWhenAuthIsEnabled()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    const auto stream = openStream({});
    QVERIFY(stream);
    QVERIFY(m_fx->enableAuth());
    QTRY_VERIFY_WITH_TIMEOUT(stream->state() == QAbstractSocket::UnconnectedState, EventDrivenMs);
    QCOMPARE(stream->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

QTEST_GUILESS_MAIN(SecurityWsStreamTest)
#include "security_wsstream.moc"
