// An id or a number in a request is plain ASCII digits or it is refused (issue 11, the NUL
// sibling): QString::toLongLong stops at an embedded NUL and reports success, and takes
// " +5 " for 5, so "PATCH /api/users/1%00junk" once changed user 1 and "DELETE
// /api/tokens/1%00" revoked token 1. Each form below must be refused and act on nothing.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The id's text inside each junk form (%1).
void addJunkRows()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("NUL then junk") << u"%1%00junk"_s;
    QTest::newRow("trailing NUL") << u"%1%00"_s;
    QTest::newRow("plus sign") << u"+%1"_s;
    QTest::newRow("leading space") << u"%20%1"_s;
    QTest::newRow("trailing space") << u"%1%20"_s;
    QTest::newRow("trailing letter") << u"%1x"_s;
    QTest::newRow("fullwidth digit") << u"%1%EF%BC%91"_s;
}

bool refused(const HttpResponse& response)
{
    return response.status == 400 || response.status == 404;
}

} // namespace

class SecurityIntegersTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void userIds_data() { addJunkRows(); }
    void userIds();
    void tokenIds_data() { addJunkRows(); }
    void tokenIds();
    void queryNumbers_data();
    void queryNumbers();

private:
    std::unique_ptr<RestFixture> m_fx;
};

void SecurityIntegersTest::init()
{
    m_fx = std::make_unique<RestFixture>();
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
}

void SecurityIntegersTest::cleanup()
{
    m_fx.reset();
}

void SecurityIntegersTest::userIds()
{
    QFETCH(QString, form);
    const QString id = m_fx->createUser(u"judy"_s, u"viewer"_s, TestPasswords::second());
    QVERIFY(!id.isEmpty());
    const QString path = u"/api/users/"_s + form.arg(id);

    const HttpResponse patched =
        m_fx->rest.patch(path, {{u"firstname"_s, u"Mallory"_s}, {u"role"_s, u"operator"_s}}, RestFixture::adminBasic());
    QVERIFY2(refused(patched), qPrintable(patched.describe()));
    const HttpResponse removed = m_fx->rest.del(path, RestFixture::adminBasic());
    QVERIFY2(refused(removed), qPrintable(removed.describe()));

    const QJsonArray users = m_fx->rest.listUsers(RestFixture::adminBasic()).object().value(u"users"_s).toArray();
    const QJsonObject judy = RestClient::where(users, u"username"_s, u"judy"_s).value(0);
    QCOMPARE(judy.value(u"role"_s).toString(), u"viewer"_s);
    QCOMPARE(judy.value(u"firstname"_s).toString(), QString());
}

void SecurityIntegersTest::tokenIds()
{
    QFETCH(QString, form);
    const TokenApi::Created created =
        TokenApi::create(m_fx->rest, RestFixture::adminBasic(), u"agent"_s, {u"users:read"_s});
    QVERIFY2(created.ok(), qPrintable(created.response.describe()));
    const HttpResponse revoked = m_fx->rest.del(u"/api/tokens/"_s + form.arg(created.id), RestFixture::adminBasic());
    QVERIFY2(refused(revoked), qPrintable(revoked.describe()));
    EXPECT_STATUS(m_fx->rest.me(RestClient::bearer(created.secret)), 200); // still works
}

void SecurityIntegersTest::queryNumbers_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("value");
    QTest::newRow("audit limit, NUL") << u"/api/audit"_s << u"limit"_s << u"5\u0000junk"_s;
    QTest::newRow("audit limit, plus") << u"/api/audit"_s << u"limit"_s << u"+5"_s;
    QTest::newRow("audit before, spaces") << u"/api/audit"_s << u"before"_s << u" 5 "_s;
    QTest::newRow("ratelimit limit, NUL") << u"/api/ratelimit/events"_s << u"limit"_s << u"5\u0000"_s;
}

void SecurityIntegersTest::queryNumbers()
{
    QFETCH(QString, path);
    QFETCH(QString, item);
    QFETCH(QString, value);
    QUrlQuery query;
    query.addQueryItem(item, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    const HttpResponse response = m_fx->rest.get(path, RestFixture::adminBasic(), query);
    EXPECT_REST_ERROR(response, 400, u"bad_request"_s);
}

QTEST_GUILESS_MAIN(SecurityIntegersTest)
#include "security_integers.moc"
