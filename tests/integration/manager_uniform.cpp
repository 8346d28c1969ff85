// POST /auth/login answers an unknown user exactly like a wrong password (docs/API.md,
// "manager dialect" decisions): the same status, a byte-identical body and the same
// headers, and the same time. The time is compared statistically (medians of many
// interleaved tries, inside a generous band), not as a performance assertion.
#include "tests/testsupport/managerclient.h"
#include "tests/testsupport/restfixture.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

const QString Alice = QStringLiteral("alice");
const QString Bob = QStringLiteral("bob"); // disabled

constexpr int kTries = 30;
constexpr int kWarmUp = 3;
// Timing noise on a shared 2-core machine: the medians of the two answers must stay
// within this factor of each other. An unknown user answered without the dummy argon2id
// work would come in 10-20 times faster (one verification is ~20 ms, a request ~1 ms).
constexpr double kLowest = 0.5;
constexpr double kHighest = 2.0;

double median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? double(values.at(middle)) : (values.at(middle - 1) + values.at(middle)) / 2.0;
}

// Every header but Date, in the order sent.
QList<QPair<QByteArray, QByteArray>> comparableHeaders(const HttpResponse& response)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto& header : response.headers) {
        if (header.first.compare("Date", Qt::CaseInsensitive) != 0)
            headers.append({header.first.toLower(), header.second});
    }
    return headers;
}

} // namespace

class ManagerUniformTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sameAnswer_data();
    void sameAnswer();
    void sameTime();

private:
    // Nanoseconds one login (or, without a username, one GET /auth/openid) took; -1 on a wrong status.
    qint64 timedRequest(const QString& username, const QString& password, int expectedStatus);

    std::unique_ptr<RestFixture> m_fx;
    std::unique_ptr<ManagerClient> m_manager;
};

void ManagerUniformTest::init()
{
    // No lockout and no token bucket: the limiter must not interfere with many failures.
    m_fx = std::make_unique<RestFixture>([](Config& config) { config.maxLoginAttempts = 0; });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    m_manager = std::make_unique<ManagerClient>(m_fx->http, m_fx->server);
    QVERIFY(m_fx->enableAuth());
    QVERIFY(!m_fx->createUser(Alice, QStringLiteral("operator"), TestPasswords::second()).isEmpty());
    const QString bobId = m_fx->createUser(Bob, QStringLiteral("viewer"), TestPasswords::third());
    QVERIFY(!bobId.isEmpty());
    EXPECT_STATUS(m_fx->rest.updateUser(bobId, {{QStringLiteral("disabled"), true}}, RestFixture::adminBasic()), 200);
}

void ManagerUniformTest::cleanup()
{
    m_manager.reset();
    m_fx.reset();
}

void ManagerUniformTest::sameAnswer_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("unknown user") << QStringLiteral("mallory") << TestPasswords::wrong();
    QTest::newRow("unknown user, a real password") << QStringLiteral("mallory") << TestPasswords::second();
    QTest::newRow("unknown long name") << QString(64, u'z') << TestPasswords::wrong();
    QTest::newRow("name differing in case") << QStringLiteral("Alice") << TestPasswords::wrong();
    QTest::newRow("disabled account, right password") << Bob << TestPasswords::third();
    QTest::newRow("disabled account, wrong password") << Bob << TestPasswords::wrong();
}

void ManagerUniformTest::sameAnswer()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    const HttpResponse wrong = m_manager->login(Alice, TestPasswords::wrong());
    const HttpResponse other = m_manager->login(username, password);
    EXPECT_STATUS(wrong, 401);
    QCOMPARE(other.status, wrong.status);
    QCOMPARE(other.body, wrong.body);
    QCOMPARE(wrong.body, QByteArray(R"({"error":"invalid_credentials","message":"Invalid email or password"})"));
    QCOMPARE(comparableHeaders(other), comparableHeaders(wrong));
}

qint64 ManagerUniformTest::timedRequest(const QString& username, const QString& password, int expectedStatus)
{
    QElapsedTimer timer;
    timer.start();
    const HttpResponse response = username.isEmpty() ? m_manager->openid() : m_manager->login(username, password);
    const qint64 elapsed = timer.nsecsElapsed();
    if (response.status != expectedStatus)
        qWarning("%s: %s", qPrintable(username), qPrintable(response.describe()));
    return response.status == expectedStatus ? elapsed : -1;
}

void ManagerUniformTest::sameTime()
{
    struct Kind
    {
        const char* label;
        QString username;
        QString password;
        int status;
        QList<qint64> times;
    };
    QList<Kind> kinds = {{"wrong password", Alice, TestPasswords::wrong(), 401, {}},
                         {"unknown user", QStringLiteral("mallory"), TestPasswords::wrong(), 401, {}},
                         {"disabled account", Bob, TestPasswords::third(), 401, {}},
                         {"no hashing (GET /auth/openid)", {}, {}, 200, {}}};
    for (int round = 0; round < kWarmUp + kTries; ++round) {
        for (Kind& kind : kinds) { // interleaved, so drifts in machine load hit every kind alike
            const qint64 elapsed = timedRequest(kind.username, kind.password, kind.status);
            QVERIFY2(elapsed >= 0, kind.label);
            if (round >= kWarmUp)
                kind.times.append(elapsed);
        }
    }
    const double reference = median(kinds.first().times);
    for (const Kind& kind : kinds)
        qInfo("%-32s median %.2f ms", kind.label, median(kind.times) / 1e6);
    // The test can only see a missing argon2id run if that run is measurable at all.
    QVERIFY2(reference >= 2 * median(kinds.last().times),
             "wrong-password logins are not measurably slower than a request without hashing: "
             "this test cannot see a difference");
    for (int i = 1; i < 3; ++i) {
        const double ratio = median(kinds.at(i).times) / reference;
        QVERIFY2(ratio >= kLowest && ratio <= kHighest,
                 qPrintable(QStringLiteral("%1 / wrong password median ratio %2 outside [%3, %4]")
                                .arg(QLatin1String(kinds.at(i).label))
                                .arg(ratio)
                                .arg(kLowest)
                                .arg(kHighest)));
    }
}

QTEST_GUILESS_MAIN(ManagerUniformTest)
#include "manager_uniform.moc"
