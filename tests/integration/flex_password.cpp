// PUT and DELETE /flex/auth/password: the first set is open, later changes need a
// credential, the password policy (length in code points after NFKC, byte cap, common
// passwords), and which sessions a change or a removal ends.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/testhelpers.h"

#include <QTest>

#include <memory>

namespace {

QJsonObject authEnabled(bool on)
{
    return QJsonObject{{QStringLiteral("auth_enabled"), on}};
}

// Deterministic, varied printable ASCII (a repeated character could trip checks other
// than the ones under test).
QString variedAscii(int length)
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.!#%+=");
    QString out;
    quint32 state = 0x9e3779b9u;
    for (int i = 0; i < length; ++i) {
        state = state * 1664525u + 1013904223u;
        out += alphabet.at(int((state >> 16) % quint32(alphabet.size())));
    }
    return out;
}

// `count` different CJK ideographs, 3 UTF-8 bytes each.
QString cjk(int count)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out += QChar(char16_t(0x4E00 + i * 7));
    return out;
}

// `count` different emoji (U+1F600...), one code point and 4 UTF-8 bytes each.
QString emoji(int count)
{
    QString out;
    for (int i = 0; i < count; ++i) {
        const char32_t codePoint = U'\U0001F600' + char32_t(i);
        out += QString::fromUcs4(&codePoint, 1);
    }
    return out;
}

} // namespace

class FlexPasswordTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstSetIsOpen();
    void firstSetIgnoresCredentials();
    void changeNeedsCredential_data();
    void changeNeedsCredential();
    void changeWithBearer();
    void changeWithBasic();
    void policy_data();
    void policy();
    void policyAppliesToChanges();
    void normalisedFormsLogIn();
    void removeNeedsCredential();
    void removeWhileDisabled();
    void removeDisablesAuthAndEndsSessions();
    void changeEndsOtherSessions();

private:
    std::unique_ptr<FlexFixture> m_fx;
};

void FlexPasswordTest::init()
{
    m_fx = std::make_unique<FlexFixture>([](Config& config) { config.globalRateLimitRps = 0; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
}

void FlexPasswordTest::cleanup()
{
    m_fx.reset();
}

void FlexPasswordTest::firstSetIsOpen()
{
    EXPECT_BODY(m_fx->flex.status(), authEnabled(false));
    const HttpResponse response = m_fx->flex.setPassword(TestPasswords::first());
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, authEnabled(true));
    EXPECT_BODY(m_fx->flex.status(), authEnabled(true));
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
}

void FlexPasswordTest::firstSetIgnoresCredentials()
{
    // While auth is disabled every endpoint is open and credentials are ignored.
    const HttpResponse response = m_fx->flex.setPassword(TestPasswords::first(), "garbage.token.here");
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, authEnabled(true));
}

void FlexPasswordTest::changeNeedsCredential_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("none") << QByteArray();
    QTest::newRow("garbage") << QByteArray("garbage");
    QTest::newRow("jwt-shaped") << QByteArray("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
}

void FlexPasswordTest::changeNeedsCredential()
{
    QFETCH(QByteArray, token);
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const HttpResponse response = m_fx->flex.setPassword(TestPasswords::second(), token);
    EXPECT_STATUS(response, 401);
    EXPECT_FLEX_ERROR(response, QStringLiteral("Unauthorized"));
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::second()), 400);
}

void FlexPasswordTest::changeWithBearer()
{
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const QByteArray token = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!token.isEmpty());
    const HttpResponse response = m_fx->flex.setPassword(TestPasswords::second(), token);
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, authEnabled(true));
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::second()), 200);
    const HttpResponse old = m_fx->flex.login(TestPasswords::first());
    EXPECT_STATUS(old, 400);
    EXPECT_FLEX_ERROR(old, QStringLiteral("Invalid password"));
}

void FlexPasswordTest::changeWithBasic()
{
    // API.md: HTTP Basic is honoured on every protected endpoint of every dialect.
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const HttpResponse response = m_fx->http.put(m_fx->server.url(QStringLiteral("/flex/auth/password")),
                                                 FlexClient::passwordBody(TestPasswords::second()),
                                                 HttpClient::basic(QStringLiteral("admin"), TestPasswords::first()));
    EXPECT_STATUS(response, 200);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::second()), 200);
}

void FlexPasswordTest::policy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("11 ascii") << QStringLiteral("Qx7#mK2vL9p") << false;
    QTest::newRow("12 ascii") << QStringLiteral("Qx7#mK2vL9pW") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("common password1234") << QStringLiteral("password1234") << false;
    QTest::newRow("1024 bytes ascii") << variedAscii(1024) << true;
    QTest::newRow("1025 bytes ascii") << variedAscii(1025) << false;
    QTest::newRow("1023 bytes cjk") << cjk(341) << true;
    QTest::newRow("1024 bytes cjk+ascii") << cjk(341) + u'x' << true;
    QTest::newRow("1026 bytes cjk") << cjk(342) << false;
    QTest::newRow("12 emoji (48 bytes)") << emoji(12) << true;
    QTest::newRow("11 emoji (44 bytes)") << emoji(11) << false;
    QTest::newRow("12 latin-1 letters") << QStringLiteral("äöüßéèñçåøæœ") << true;
    // 12 code points as sent, 6 after NFKC (e + combining acute composes to é).
    QTest::newRow("12 decomposed -> 6 nfkc") << QString(QStringLiteral("e\u0301")).repeated(6) << false;
    // 11 code points as sent, 13 after NFKC (the ffi ligature becomes three letters).
    QTest::newRow("11 with ligature -> 13 nfkc") << QStringLiteral("Qx7#mK2vL9") + QChar(0xFB03) << true;
}

void FlexPasswordTest::policy()
{
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    const HttpResponse response = m_fx->flex.setPassword(password);
    if (accepted) {
        EXPECT_STATUS(response, 200);
        EXPECT_BODY(response, authEnabled(true));
        EXPECT_STATUS(m_fx->flex.login(password), 200);
        return;
    }
    EXPECT_STATUS(response, 400);
    EXPECT_FLEX_ERROR(response, QString());
    const QString reason = response.object().value(QStringLiteral("error")).toString();
    QVERIFY2(password.size() < 4 || !reason.contains(password), "the reason echoes the password");
    EXPECT_BODY(m_fx->flex.status(), authEnabled(false));
}

void FlexPasswordTest::policyAppliesToChanges()
{
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const QByteArray token = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!token.isEmpty());
    const HttpResponse response = m_fx->flex.setPassword(QStringLiteral("password1234"), token);
    EXPECT_STATUS(response, 400);
    EXPECT_FLEX_ERROR(response, QString());
    EXPECT_STATUS(m_fx->flex.setPassword(QStringLiteral("short"), token), 400);
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 200);
    EXPECT_STATUS(m_fx->flex.session(token), 200);
}

void FlexPasswordTest::normalisedFormsLogIn()
{
    // Passwords are NFKC-normalised: a client that sends the decomposed form of the same
    // text (as some keyboards and OSes do) must get in.
    const QString composed = QStringLiteral("Caf\u00e9-cr\u00e8me-br\u00fbl\u00e9e-42");
    const QString decomposed = composed.normalized(QString::NormalizationForm_D);
    QVERIFY(composed != decomposed);
    QVERIFY(m_fx->enableAuth(composed));
    EXPECT_STATUS(m_fx->flex.login(decomposed), 200);
    EXPECT_STATUS(m_fx->flex.login(composed), 200);
}

void FlexPasswordTest::removeNeedsCredential()
{
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    HttpResponse response = m_fx->flex.removePassword();
    EXPECT_STATUS(response, 401);
    EXPECT_FLEX_ERROR(response, QStringLiteral("Unauthorized"));
    response = m_fx->flex.removePassword("not-a-token");
    EXPECT_STATUS(response, 401);
    EXPECT_BODY(m_fx->flex.status(), authEnabled(true));
}

void FlexPasswordTest::removeWhileDisabled()
{
    const HttpResponse response = m_fx->flex.removePassword();
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, authEnabled(false));
}

void FlexPasswordTest::removeDisablesAuthAndEndsSessions()
{
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const QByteArray first = m_fx->flex.loginToken(TestPasswords::first());
    const QByteArray second = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    const HttpResponse response = m_fx->flex.removePassword(first);
    EXPECT_STATUS(response, 200);
    EXPECT_BODY(response, authEnabled(false));
    EXPECT_BODY(m_fx->flex.status(), authEnabled(false));
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline")), 404); // open now
    EXPECT_STATUS(m_fx->flex.session(), 200);

    // Once auth is on again, the tokens from before the removal are dead.
    QVERIFY(m_fx->enableAuth(TestPasswords::second()));
    for (const QByteArray& token : {first, second}) {
        const HttpResponse dead = m_fx->flex.session(token);
        EXPECT_STATUS(dead, 401);
        EXPECT_FLEX_ERROR(dead, QStringLiteral("Unauthorized"));
    }
    EXPECT_STATUS(m_fx->flex.login(TestPasswords::first()), 400);
    EXPECT_STATUS(m_fx->flex.session(m_fx->flex.loginToken(TestPasswords::second())), 200);
}

void FlexPasswordTest::changeEndsOtherSessions()
{
    QVERIFY(m_fx->enableAuth(TestPasswords::first()));
    const QByteArray keeper = m_fx->flex.loginToken(TestPasswords::first());
    const QByteArray other1 = m_fx->flex.loginToken(TestPasswords::first());
    const QByteArray other2 = m_fx->flex.loginToken(TestPasswords::first());
    QVERIFY(!keeper.isEmpty() && !other1.isEmpty() && !other2.isEmpty());

    EXPECT_STATUS(m_fx->flex.setPassword(TestPasswords::second(), keeper), 200);
    EXPECT_STATUS(m_fx->flex.session(keeper), 200);
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), keeper), 404);
    EXPECT_STATUS(m_fx->flex.session(other1), 401);
    EXPECT_STATUS(m_fx->flex.session(other2), 401);
    EXPECT_STATUS(m_fx->flex.getPath(QStringLiteral("/flex/pipeline"), other1), 401);
}

QTEST_GUILESS_MAIN(FlexPasswordTest)
#include "flex_password.moc"
