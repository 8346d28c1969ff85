// POST /api/change-password with Bearer and Basic (wrong current password, policy refusals,
// which sessions survive a change), and the login lockout in the rest envelope: wrong
// logins, wrong Basic credentials and wrong current passwords all count towards it.
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>

#include <memory>

namespace {

constexpr int kWindowSecs = 900; // RATE_LIMIT_WINDOW_SECONDS default

const QString Admin = QStringLiteral("admin");

} // namespace

// A 429 in the rest envelope whose Retry-After header and body agree on `seconds`.
#define EXPECT_REST_LOCKED(response, seconds)                                                                          \
    do {                                                                                                               \
        const auto& lockedResponse_ = (response);                                                                      \
        EXPECT_REST_ERROR(lockedResponse_, 429, QStringLiteral("rate_limited"));                                       \
        QCOMPARE(lockedResponse_.header("Retry-After").trimmed(), QByteArray::number(seconds));                        \
        QCOMPARE(lockedResponse_.object().value(QStringLiteral("retry_after_seconds")).toInt(), seconds);              \
    } while (false)

class RestPasswordTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void changeWithBearer();
    void changeWithBasic();
    void wrongCurrent_data();
    void wrongCurrent();
    void weakNewPassword_data();
    void weakNewPassword();
    void badRequests();
    void needsCredential();
    void changeLeavesOtherAccounts();
    void failuresLockLogin_data();
    void failuresLockLogin();

private:
    void enable() { QVERIFY(m_fx->enableAuth()); }
    TokenPair adminPair() { return m_fx->rest.loginPair(Admin, TestPasswords::first()); }
    // One failed authentication of the given kind from this test's IP.
    void fail(const QString& kind, const TokenPair& pair);

    std::unique_ptr<RestFixture> m_fx;
};

void RestPasswordTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
}

void RestPasswordTest::cleanup()
{
    m_fx.reset();
}

void RestPasswordTest::changeWithBearer()
{
    enable();
    const TokenPair caller = adminPair();
    const TokenPair other = adminPair();
    QVERIFY(caller.isValid() && other.isValid());
    const HttpResponse response =
        m_fx->rest.changePassword(TestPasswords::first(), TestPasswords::second(), RestClient::bearer(caller.access));
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});

    EXPECT_REST_ERROR(m_fx->rest.login(Admin, TestPasswords::first()), 401, QStringLiteral("invalid_credentials"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::second()));
    // The caller's session stays (its refresh token too); the account's other sessions end.
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(caller.access)), 200);
    EXPECT_REST_SUCCESS(m_fx->rest.refresh(caller.refresh));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(other.access)), 401);
    EXPECT_STATUS(m_fx->rest.refresh(other.refresh), 401);
    // Basic follows the new password at once (the verified-credential cache is dropped).
    EXPECT_STATUS(m_fx->rest.me(RestClient::basic(Admin, TestPasswords::first())), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::basic(Admin, TestPasswords::second())), 200);
}

void RestPasswordTest::changeWithBasic()
{
    enable();
    const TokenPair session = adminPair();
    QVERIFY(session.isValid());
    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 200); // cached before the change
    const HttpResponse response =
        m_fx->rest.changePassword(TestPasswords::first(), TestPasswords::third(), RestFixture::adminBasic());
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});

    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::basic(Admin, TestPasswords::third())), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(session.access)), 401); // a Basic caller has no session to keep
    EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::first()), 401);
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::third()));
}

void RestPasswordTest::wrongCurrent_data()
{
    QTest::addColumn<bool>("useBasic");
    QTest::newRow("bearer") << false;
    QTest::newRow("basic") << true;
}

void RestPasswordTest::wrongCurrent()
{
    QFETCH(bool, useBasic);
    enable();
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    const RequestHeaders auth = useBasic ? RestFixture::adminBasic() : RestClient::bearer(pair.access);
    EXPECT_REST_ERROR(m_fx->rest.changePassword(TestPasswords::wrong(), TestPasswords::second(), auth), 401,
                      QStringLiteral("invalid_credentials"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
    EXPECT_STATUS(m_fx->rest.login(Admin, TestPasswords::second()), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 200);
}

void RestPasswordTest::weakNewPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("short") << QStringLiteral("short-1");
    QTest::newRow("dictionary with digits") << QStringLiteral("password1234");
    QTest::newRow("over 1024 bytes") << QString(1025, u'x');
}

void RestPasswordTest::weakNewPassword()
{
    QFETCH(QString, password);
    enable();
    EXPECT_REST_ERROR(m_fx->rest.changePassword(TestPasswords::first(), password, RestFixture::adminBasic()), 400,
                      QStringLiteral("weak_password"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
}

void RestPasswordTest::badRequests()
{
    enable();
    const QUrl url = m_fx->rest.url(QStringLiteral("/api/change-password"));
    const QList<QByteArray> bodies{"{",
                                   "{}",
                                   "[]",
                                   "{\"current_password\":\"Tr0ub4dor-gatehouse-2026\"}",
                                   "{\"new_password\":\"quiet-Meadow-5521-vessel\"}",
                                   "{\"current_password\":1,\"new_password\":\"quiet-Meadow-5521-vessel\"}"};
    for (const QByteArray& body : bodies)
        EXPECT_REST_ERROR(m_fx->http.send("POST", url, body, RestFixture::adminBasic()), 400,
                          QStringLiteral("bad_request"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first())); // not counted as failures
}

void RestPasswordTest::needsCredential()
{
    enable();
    EXPECT_REST_ERROR(m_fx->rest.changePassword(TestPasswords::first(), TestPasswords::second(), {}), 401,
                      QStringLiteral("unauthorized"));
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
}

void RestPasswordTest::changeLeavesOtherAccounts()
{
    enable();
    QVERIFY(!m_fx->createUser(QStringLiteral("olivia"), QStringLiteral("operator"), TestPasswords::second()).isEmpty());
    const TokenPair admin = adminPair();
    const TokenPair olivia = m_fx->rest.loginPair(QStringLiteral("olivia"), TestPasswords::second());
    const TokenPair oliviaOther = m_fx->rest.loginPair(QStringLiteral("olivia"), TestPasswords::second());
    QVERIFY(admin.isValid() && olivia.isValid() && oliviaOther.isValid());
    EXPECT_STATUS(
        m_fx->rest.changePassword(TestPasswords::second(), TestPasswords::third(), RestClient::bearer(olivia.access)),
        200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(olivia.access)), 200);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(oliviaOther.access)), 401);
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(admin.access)), 200);
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
    EXPECT_REST_SUCCESS(m_fx->rest.login(QStringLiteral("olivia"), TestPasswords::third()));
}

void RestPasswordTest::failuresLockLogin_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"login", "login unknown user", "basic", "change-password bearer", "change-password basic"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void RestPasswordTest::fail(const QString& kind, const TokenPair& pair)
{
    if (kind == u"login") {
        EXPECT_REST_ERROR(m_fx->rest.login(Admin, TestPasswords::wrong()), 401, QStringLiteral("invalid_credentials"));
    } else if (kind == u"login unknown user") {
        EXPECT_REST_ERROR(m_fx->rest.login(QStringLiteral("mallory"), TestPasswords::wrong()), 401,
                          QStringLiteral("invalid_credentials"));
    } else if (kind == u"basic") {
        EXPECT_STATUS(m_fx->rest.me(RestClient::basic(Admin, TestPasswords::wrong())), 401);
    } else {
        const RequestHeaders auth =
            kind == u"change-password basic" ? RestFixture::adminBasic() : RestClient::bearer(pair.access);
        EXPECT_REST_ERROR(m_fx->rest.changePassword(TestPasswords::wrong(), TestPasswords::second(), auth), 401,
                          QStringLiteral("invalid_credentials"));
    }
}

void RestPasswordTest::failuresLockLogin()
{
    QFETCH(QString, kind);
    enable();
    const TokenPair pair = adminPair();
    QVERIFY(pair.isValid());
    EXPECT_STATUS(m_fx->rest.me(RestFixture::adminBasic()), 200);
    for (int attempt = 1; attempt <= 5; ++attempt) {
        fail(kind, pair); // the 5th still gets the normal error
        if (QTest::currentTestFailed()) {
            qWarning("failure %d of 5 was not answered normally", attempt);
            return;
        }
    }
    // The 6th password attempt, even a correct one, is refused until the oldest failure leaves the window.
    EXPECT_REST_LOCKED(m_fx->rest.login(Admin, TestPasswords::first()), kWindowSecs);
    EXPECT_REST_LOCKED(m_fx->rest.me(RestFixture::adminBasic()), kWindowSecs);
    EXPECT_REST_LOCKED(
        m_fx->rest.changePassword(TestPasswords::first(), TestPasswords::second(), RestClient::bearer(pair.access)),
        kWindowSecs);
    // Bearer tokens keep working during a lockout.
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(pair.access)), 200);
    m_fx->server.clock().advanceSecs(kWindowSecs - 100);
    EXPECT_REST_LOCKED(m_fx->rest.login(Admin, TestPasswords::first()), 100);
    m_fx->server.clock().advanceSecs(100);
    EXPECT_REST_SUCCESS(m_fx->rest.login(Admin, TestPasswords::first()));
}

QTEST_GUILESS_MAIN(RestPasswordTest)
#include "rest_password.moc"
