// Issue 11, findings 2 and 3, raced for real against a server on an ephemeral port: bursts of
// password attempts over many concurrent connections, or pipelined on one (then the server
// reads every attempt before the first hash is done, so the order is deterministic).
// - The login limit holds for a burst: an attempt takes one of MAX_LOGIN_ATTEMPTS places before
//   its hash runs (the others wait for those checks), so no more than that many guesses are
//   ever checked, and a correct password sent behind them is refused — on every path that
//   checks a password.
// - Of concurrent changes of one password with the same current password exactly one wins.
#include "tests/testsupport/requestburst.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>

#include <memory>

namespace {

constexpr int MaxAttempts = 5; // MAX_LOGIN_ATTEMPTS' default
const QString Admin = QStringLiteral("admin");

QByteArray post(const QByteArray& path, const QJsonObject& body, const RequestHeaders& headers = {})
{
    return RawClient::request("POST", path, HttpClient::jsonBytes(body),
                              headers + RequestHeaders{{"Content-Type", "application/json"}});
}

QByteArray restLogin(const QString& password)
{
    return post("/api/auth/login", {{QStringLiteral("username"), Admin}, {QStringLiteral("password"), password}});
}

// The wrong guesses of a burst: all different, as an attacker's would be.
QString guess(int i)
{
    return QStringLiteral("wrong-guess-%1-Xylophone").arg(i);
}

} // namespace

class SecurityRacesTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void burstOverConnectionsKeepsTheLimit();
    void correctPasswordBehindBurstRefused_data();
    void correctPasswordBehindBurstRefused();
    void concurrentPasswordChangesOneWins();
    void pipelinedPasswordChangesConflict();

private:
    bool startFixture(int maxAttempts);
    std::vector<RawResponse> overConnections(const QList<QByteArray>& requests);
    std::vector<RawResponse> pipelined(const QList<QByteArray>& requests);
    QByteArray adminAccess();

    std::unique_ptr<RestFixture> m_fx;
};

bool SecurityRacesTest::startFixture(int maxAttempts)
{
    m_fx = std::make_unique<RestFixture>([maxAttempts](Config& config) {
        config.plainHttp = true;
        config.maxLoginAttempts = maxAttempts;
    });
    return m_fx->start() && m_fx->enableAuth();
}

void SecurityRacesTest::init()
{
    QVERIFY(startFixture(MaxAttempts));
}

void SecurityRacesTest::cleanup()
{
    m_fx.reset();
}

std::vector<RawResponse> SecurityRacesTest::overConnections(const QList<QByteArray>& requests)
{
    return RequestBurst::overConnections(m_fx->server.host(), m_fx->server.port(), requests);
}

std::vector<RawResponse> SecurityRacesTest::pipelined(const QList<QByteArray>& requests)
{
    return RequestBurst::pipelined(m_fx->server.host(), m_fx->server.port(), requests);
}

QByteArray SecurityRacesTest::adminAccess()
{
    return m_fx->rest.loginPair(Admin, TestPasswords::first()).access;
}

void SecurityRacesTest::burstOverConnectionsKeepsTheLimit()
{
    // The reproduction: 30 wrong passwords at once from one address.
    QList<QByteArray> requests;
    for (int i = 0; i < 30; ++i)
        requests.append(restLogin(guess(i)));
    const std::vector<RawResponse> answers = overConnections(requests);
    const QMap<int, int> counts = RequestBurst::statusCounts(answers);
    QVERIFY2(counts.value(401) == MaxAttempts && counts.value(429) == 30 - MaxAttempts,
             qPrintable(RequestBurst::describe(answers)));
    // The attempts beyond the limit waited for the checks in progress, which then locked the
    // address: the answers of a sequential burst.
    for (const RawResponse& answer : answers) {
        if (answer.status == 429)
            QCOMPARE(answer.header("Retry-After"), QByteArray("900"));
    }
    const HttpResponse correct = m_fx->rest.login(Admin, TestPasswords::first());
    EXPECT_REST_ERROR(correct, 429, QStringLiteral("rate_limited"));
    QCOMPARE(correct.header("Retry-After").trimmed(), QByteArray("900"));
}

void SecurityRacesTest::correctPasswordBehindBurstRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("wrongStatus");
    QTest::newRow("rest login") << QStringLiteral("/api/auth/login") << 401;
    QTest::newRow("flex login") << QStringLiteral("/flex/auth/login") << 400;
    QTest::newRow("manager login") << QStringLiteral("/auth/login") << 401;
    QTest::newRow("basic") << QStringLiteral("/api/me") << 401;
    QTest::newRow("change-password") << QStringLiteral("/api/change-password") << 401;
}

// MAX_LOGIN_ATTEMPTS wrong passwords and then the right one, pipelined: all six are read
// before the first hash is done. Counting only finished failures let the sixth through.
void SecurityRacesTest::correctPasswordBehindBurstRefused()
{
    QFETCH(QString, path);
    QFETCH(int, wrongStatus);
    const QByteArray access = path == u"/api/change-password" ? adminAccess() : QByteArray();
    const auto attempt = [&](const QString& password) {
        const QByteArray target = path.toLatin1();
        if (path == u"/api/me")
            return RawClient::request("GET", target, {}, RestClient::basic(Admin, password));
        if (path == u"/api/change-password")
            return post(target,
                        {{QStringLiteral("current_password"), password},
                         {QStringLiteral("new_password"), TestPasswords::third()}},
                        {{"Authorization", "Bearer " + access}});
        return post(target, {{QStringLiteral("username"), Admin}, {QStringLiteral("password"), password}});
    };
    QList<QByteArray> requests;
    for (int i = 0; i < MaxAttempts; ++i)
        requests.append(attempt(guess(i)));
    requests.append(attempt(TestPasswords::first()));
    const std::vector<RawResponse> answers = pipelined(requests);
    for (int i = 0; i < MaxAttempts; ++i)
        QVERIFY2(answers[size_t(i)].status == wrongStatus, qPrintable(RequestBurst::describe(answers)));
    const RawResponse& correct = answers.back();
    QVERIFY2(correct.status == 429, QByteArray(correct.statusLine + ' ' + correct.body).constData());
    QCOMPARE(correct.header("Retry-After"), QByteArray("900"));
    // And afterwards the address is locked for the window.
    EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::first()), 429);
}

// The reproduction: ten changes with the same current password at once. Without a
// compare-and-set all ten answered 200 and one of ten new passwords silently won.
void SecurityRacesTest::concurrentPasswordChangesOneWins()
{
    QVERIFY(startFixture(100)); // the limit is not what this test is about
    const QByteArray access = adminAccess();
    QVERIFY(!access.isEmpty());
    const auto newPassword = [](int i) { return QStringLiteral("Parallel-change-%1-Lantern").arg(i); };
    QList<QByteArray> requests;
    for (int i = 0; i < 10; ++i)
        requests.append(post("/api/change-password",
                             {{QStringLiteral("current_password"), TestPasswords::first()},
                              {QStringLiteral("new_password"), newPassword(i)}},
                             {{"Authorization", "Bearer " + access}}));
    const std::vector<RawResponse> answers = overConnections(requests);
    const QMap<int, int> counts = RequestBurst::statusCounts(answers);
    // A loser's current password matched a hash the winner replaced: 409, whether that shows
    // when its check ends or when it commits.
    QVERIFY2(counts.value(200) == 1 && counts.value(409) == 9, qPrintable(RequestBurst::describe(answers)));
    int winner = 0;
    while (answers[size_t(winner)].status != 200)
        ++winner;
    for (const RawResponse& answer : answers) {
        if (answer.status == 409)
            QVERIFY2(answer.body.contains("\"conflict\""), answer.body.constData());
    }
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, newPassword(winner)));
    EXPECT_REST_ERROR(m_fx->rest.login(Admin, newPassword((winner + 1) % 10)), 401,
                      QStringLiteral("invalid_credentials"));
    EXPECT_REST_ERROR(m_fx->rest.login(Admin, TestPasswords::first()), 401, QStringLiteral("invalid_credentials"));
}

// Two changes pipelined: both current passwords are checked against the same stored hash, so
// whichever comes second finds it replaced (when its check ends, or at its compare-and-set).
void SecurityRacesTest::pipelinedPasswordChangesConflict()
{
    const QByteArray access = adminAccess();
    QVERIFY(!access.isEmpty());
    const auto change = [&](const QString& next) {
        return post(
            "/api/change-password",
            {{QStringLiteral("current_password"), TestPasswords::first()}, {QStringLiteral("new_password"), next}},
            {{"Authorization", "Bearer " + access}});
    };
    const std::vector<RawResponse> answers =
        pipelined({change(TestPasswords::second()), change(TestPasswords::third())});
    const QMap<int, int> counts = RequestBurst::statusCounts(answers);
    QVERIFY2(counts.value(200) == 1 && counts.value(409) == 1, qPrintable(RequestBurst::describe(answers)));
    const RawResponse& loser = answers[0].status == 409 ? answers[0] : answers[1];
    QVERIFY2(loser.body.contains("\"conflict\""), loser.body.constData());
    const QString kept = answers[0].status == 200 ? TestPasswords::second() : TestPasswords::third();
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, kept));
}

QTEST_GUILESS_MAIN(SecurityRacesTest)
#include "security_races.moc"
