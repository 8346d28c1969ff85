// What the server tells a client has happened must survive a crash: gatehoused runs as a
// child process and is SIGKILLed right after the 200 (no orderly shutdown, no flush), then
// restarted on the same data directory. Logout, a password change, a refresh rotation and
// the failed logins that locked an address must all still hold.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/resthelpers.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString Admin = QStringLiteral("admin");

} // namespace

class RestDurabilityTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void logoutSurvivesCrash();
    void changePasswordSurvivesCrash_data();
    void changePasswordSurvivesCrash();
    void refreshRotationSurvivesCrash();
    void lockoutSurvivesCrash_data();
    void lockoutSurvivesCrash();

private:
    bool start() { return m_process.start(m_dir->path(), false); }
    // SIGKILL, then a new process on the same data directory.
    void crashAndRestart();

    std::unique_ptr<QTemporaryDir> m_dir;
    GatehousedProcess m_process;
    HttpClient m_http;
    RestClient m_rest{m_http, [this](const QString& path) { return QUrl(m_process.url(path)); }};
};

void RestDurabilityTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const auto passwd =
        GatehousedProcess::run({QStringLiteral("passwd"), QStringLiteral("--data-dir"), m_dir->path()},
                               GatehousedProcess::testEnvironment(), TestPasswords::first().toUtf8() + '\n');
    QVERIFY2(passwd.finished && passwd.exitCode == 0, passwd.stderrData.constData());
    QVERIFY2(start(), qPrintable(m_process.startError()));
}

void RestDurabilityTest::cleanup()
{
    if (m_process.isRunning())
        m_process.kill();
    m_dir.reset();
}

void RestDurabilityTest::crashAndRestart()
{
    m_process.kill();
    QCOMPARE(m_process.exitStatus(), QProcess::CrashExit);
    QVERIFY2(start(), qPrintable(m_process.startError()));
}

void RestDurabilityTest::logoutSurvivesCrash()
{
    const TokenPair leaving = m_rest.loginPair(Admin, TestPasswords::first());
    const TokenPair staying = m_rest.loginPair(Admin, TestPasswords::first());
    QVERIFY(leaving.isValid() && staying.isValid());
    EXPECT_STATUS(m_rest.logout(RestClient::bearer(leaving.access)), 200);
    crashAndRestart();
    EXPECT_REST_ERROR(m_rest.me(RestClient::bearer(leaving.access)), 401, QStringLiteral("unauthorized"));
    EXPECT_STATUS(m_rest.refresh(leaving.refresh), 401);
    EXPECT_STATUS(m_rest.me(RestClient::bearer(staying.access)), 200); // sessions survive a restart
}

void RestDurabilityTest::changePasswordSurvivesCrash_data()
{
    QTest::addColumn<bool>("useBasic");
    QTest::newRow("bearer") << false;
    QTest::newRow("basic") << true;
}

void RestDurabilityTest::changePasswordSurvivesCrash()
{
    QFETCH(bool, useBasic);
    const TokenPair caller = m_rest.loginPair(Admin, TestPasswords::first());
    const TokenPair other = m_rest.loginPair(Admin, TestPasswords::first());
    QVERIFY(caller.isValid() && other.isValid());
    const RequestHeaders auth =
        useBasic ? RestClient::basic(Admin, TestPasswords::first()) : RestClient::bearer(caller.access);
    EXPECT_STATUS(m_rest.changePassword(TestPasswords::first(), TestPasswords::second(), auth), 200);
    crashAndRestart();
    EXPECT_REST_ERROR(m_rest.login(Admin, TestPasswords::first()), 401, QStringLiteral("invalid_credentials"));
    EXPECT_REST_SUCCESS(m_rest.login(Admin, TestPasswords::second()));
    EXPECT_STATUS(m_rest.me(RestClient::basic(Admin, TestPasswords::second())), 200);
    EXPECT_STATUS(m_rest.me(RestClient::bearer(other.access)), 401); // ended in the same commit
    EXPECT_STATUS(m_rest.me(RestClient::bearer(caller.access)), useBasic ? 401 : 200);
}

void RestDurabilityTest::refreshRotationSurvivesCrash()
{
    const TokenPair first = m_rest.loginPair(Admin, TestPasswords::first());
    QVERIFY(first.isValid());
    const TokenPair second = TokenPair::from(m_rest.refresh(first.refresh));
    QVERIFY(second.isValid());
    crashAndRestart();
    // The rotation was committed: the new refresh token works, so the first is spent.
    const TokenPair third = TokenPair::from(m_rest.refresh(second.refresh));
    QVERIFY(third.isValid());
    EXPECT_STATUS(m_rest.me(RestClient::bearer(third.access)), 200);
    EXPECT_STATUS(m_rest.refresh(first.refresh), 401); // reuse: the session ends
    EXPECT_STATUS(m_rest.me(RestClient::bearer(third.access)), 401);
}

void RestDurabilityTest::lockoutSurvivesCrash_data()
{
    QTest::addColumn<bool>("unknownTokens");
    QTest::newRow("wrong passwords") << false;
    QTest::newRow("unknown API tokens") << true;
}

// Issue 11, finding 10: failures were written in batches, so MAX_LOGIN_ATTEMPTS wrong logins
// and a SIGKILL within the second lifted the lockout. Each answered failure is committed first.
void RestDurabilityTest::lockoutSurvivesCrash()
{
    QFETCH(bool, unknownTokens);
    for (int i = 0; i < 5; ++i) {
        if (unknownTokens)
            EXPECT_STATUS(m_rest.me(RestClient::bearer(ApiTokenCheck::randomWellFormed())), 401);
        else
            EXPECT_STATUS(m_rest.login(Admin, TestPasswords::wrong()), 401);
    }
    EXPECT_REST_ERROR(m_rest.login(Admin, TestPasswords::first()), 429, QStringLiteral("rate_limited"));
    crashAndRestart();
    const HttpResponse locked = m_rest.login(Admin, TestPasswords::first());
    EXPECT_REST_ERROR(locked, 429, QStringLiteral("rate_limited"));
    const int retryAfter = locked.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 800 && retryAfter <= 900, locked.header("Retry-After").constData());
}

QTEST_GUILESS_MAIN(RestDurabilityTest)
#include "rest_durability.moc"
