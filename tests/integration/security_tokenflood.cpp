// Issue 11, finding 11: a flood of well-formed API tokens nobody issued wrote one rate-limit
// row per request, also once the address was locked. Now the failures that make a lockout are
// written one by one (they must survive a crash), and whatever follows while the address is
// locked is counted in memory and written as one tallied "locked" row per address and kind of
// attempt per log batch (docs/API.md, "Rate limiting"): the writes are bounded by time, not
// by the attacker's request rate.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/requestburst.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>

namespace {

constexpr int MaxAttempts = 5;
constexpr int Batches = 40;
constexpr int PerBatch = 30; // under the guard's 32 unanswered pipelined requests
const QString UnknownToken = QStringLiteral("unknown API token");
const QString RefusedWhileLocked = QStringLiteral("attempt refused while locked (429)");

// A tallied row's detail is "<n> times: <what>"; a single event's is just "<what>".
QPair<int, QString> tally(const QString& detail)
{
    const qsizetype separator = detail.indexOf(QStringLiteral(" times: "));
    if (separator < 0)
        return {1, detail};
    return {detail.left(separator).toInt(), detail.mid(separator + 8)};
}

} // namespace

class SecurityTokenFloodTest : public QObject
{
    Q_OBJECT

private slots:
    void floodWritesBoundedRows();
};

void SecurityTokenFloodTest::floodWritesBoundedRows()
{
    RestFixture fx([](Config& config) { config.plainHttp = true; });
    QVERIFY2(fx.start(), qPrintable(fx.startError()));
    QVERIFY(fx.enableAuth());
    const QByteArray access = fx.rest.loginPair(QStringLiteral("admin"), TestPasswords::first()).access;
    QVERIFY(!access.isEmpty());

    for (int batch = 0; batch < Batches; ++batch) {
        QList<QByteArray> requests;
        for (int i = 0; i < PerBatch; ++i)
            requests.append(RawClient::request("GET", "/api/me", {},
                                               {{"Authorization", "Bearer " + ApiTokenCheck::randomWellFormed()}}));
        const auto answers = RequestBurst::pipelined(fx.server.host(), fx.server.port(), requests);
        QVERIFY2(RequestBurst::statusCounts(answers).value(401) == PerBatch,
                 qPrintable(RequestBurst::describe(answers)));
    }
    // While locked, password attempts are refused without a hash; they are tallied too.
    const QJsonObject correct{{QStringLiteral("username"), QStringLiteral("admin")},
                              {QStringLiteral("password"), TestPasswords::first()}};
    QList<QByteArray> logins;
    for (int i = 0; i < PerBatch; ++i)
        logins.append(RawClient::request("POST", "/api/auth/login", HttpClient::jsonBytes(correct)));
    const auto refused = RequestBurst::pipelined(fx.server.host(), fx.server.port(), logins);
    QVERIFY2(RequestBurst::statusCounts(refused).value(429) == PerBatch, qPrintable(RequestBurst::describe(refused)));

    const HttpResponse log = fx.rest.ratelimitEvents(RestClient::bearer(access),
                                                     QUrlQuery{{QStringLiteral("ip"), QStringLiteral("127.0.0.1")},
                                                               {QStringLiteral("limit"), QStringLiteral("1000")}});
    EXPECT_REST_SUCCESS(log);
    const QJsonArray events = log.object().value(QStringLiteral("events")).toArray();
    QMap<QString, int> rowsOfKind;
    QMap<QString, int> tallied;
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        const QString kind = event.value(QStringLiteral("kind")).toString();
        ++rowsOfKind[kind];
        if (kind == u"locked") {
            const auto [count, what] = tally(event.value(QStringLiteral("detail")).toString());
            tallied[what] += count;
        }
    }
    QCOMPARE(rowsOfKind.value(QStringLiteral("failure")), MaxAttempts);
    QCOMPARE(rowsOfKind.value(QStringLiteral("lockout")), 1);
    QCOMPARE(tallied.value(UnknownToken), Batches * PerBatch - MaxAttempts);
    QCOMPARE(tallied.value(RefusedWhileLocked), PerBatch);
    // One row per kind of attempt per log batch (a second): a flood of seconds, a few rows.
    QVERIFY2(events.size() < 40, qPrintable(QString::number(events.size())));
}

QTEST_GUILESS_MAIN(SecurityTokenFloodTest)
#include "security_tokenflood.moc"
