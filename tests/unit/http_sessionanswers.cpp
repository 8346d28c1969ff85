// GET /flex/auth/session's body, kept per session: the same bytes the JSON building gave, built
// again whenever what it shows changes (a refresh moves the end, an account is renamed).
#include "http/sessionanswers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

Principal sessionOf(const QString& user, const QString& id, qint64 createdMs, qint64 expiresMs)
{
    Principal principal;
    principal.username = user;
    principal.sessionId = id;
    principal.sessionCreatedMs = createdMs;
    principal.sessionExpiresMs = expiresMs;
    return principal;
}

QJsonObject parsed(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

class HttpSessionAnswersTest : public QObject
{
    Q_OBJECT

private slots:
    void answersWhatTheSessionShows();
    void followsEveryChange();
    void noSessionGivesNulls();
};

void HttpSessionAnswersTest::answersWhatTheSessionShows()
{
    SessionAnswers answers;
    const Principal alice =
        sessionOf(QStringLiteral("al\"ice"), QStringLiteral("s1"), 1'780'000'000'000, 1'780'086'400'000);
    const QByteArray body = answers.bodyFor(alice);
    const QByteArray expected = QByteArrayLiteral("{\"created_at\":\"2026-05-28T20:26:40Z\",")
        + QByteArrayLiteral("\"expires_at\":\"2026-05-29T20:26:40Z\",\"user\":\"al\\\"ice\"}");
    QCOMPARE(body, expected);
    QCOMPARE(answers.bodyFor(alice), body); // kept
}

void HttpSessionAnswersTest::followsEveryChange()
{
    SessionAnswers answers;
    Principal session = sessionOf(QStringLiteral("bob"), QStringLiteral("s2"), 1'000, 2'000);
    QCOMPARE(parsed(answers.bodyFor(session)).value(u"expires_at").toString(), QStringLiteral("1970-01-01T00:00:02Z"));
    session.sessionExpiresMs = 5'000; // refreshed
    QCOMPARE(parsed(answers.bodyFor(session)).value(u"expires_at").toString(), QStringLiteral("1970-01-01T00:00:05Z"));
    session.username = QStringLiteral("robert"); // renamed
    QCOMPARE(parsed(answers.bodyFor(session)).value(u"user").toString(), QStringLiteral("robert"));
    const Principal other = sessionOf(QStringLiteral("carol"), QStringLiteral("s3"), 1'000, 2'000);
    QCOMPARE(parsed(answers.bodyFor(other)).value(u"user").toString(), QStringLiteral("carol"));
    QCOMPARE(parsed(answers.bodyFor(session)).value(u"user").toString(), QStringLiteral("robert"));
}

void HttpSessionAnswersTest::noSessionGivesNulls()
{
    SessionAnswers answers;
    Principal basic;
    basic.username = QStringLiteral("admin");
    const QJsonObject body = parsed(answers.bodyFor(basic));
    QCOMPARE(body.value(u"user").toString(), QStringLiteral("admin"));
    QVERIFY(body.value(u"created_at").isNull());
    QVERIFY(body.value(u"expires_at").isNull());
}

QTEST_GUILESS_MAIN(HttpSessionAnswersTest)
#include "http_sessionanswers.moc"
