// A login made by an HTTPS client shows up in the Sessions page; Revoke there ends it.

#include "support/panelfixture.h"

#include "tests/testsupport/jwtforge.h"
#include "tests/testsupport/testhelpers.h"
#include "ui/models/sessionmodel.h"
#include "ui/pages/sessionspage.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

class SessionsPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loginAppearsWithinASecondAndRevokeEndsIt();
    void revokesEverySessionOfAUser();

private:
    SessionsPage* openPage();
    void select(const QString& sessionId);

    std::unique_ptr<PanelFixture> m_panel;
};

void SessionsPanelTest::init()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
    QVERIFY(m_panel->enableAuth());
}

void SessionsPanelTest::cleanup()
{
    m_panel.reset();
}

SessionsPage* SessionsPanelTest::openPage()
{
    m_panel->showPage(QStringLiteral("sessionsPage"));
    auto* page = qobject_cast<SessionsPage*>(m_panel->page(QStringLiteral("sessionsPage")));
    if (page)
        (void)QTest::qWaitFor([page] { return page->model()->isLoaded(); });
    return page;
}

void SessionsPanelTest::select(const QString& sessionId)
{
    auto* page = qobject_cast<SessionsPage*>(m_panel->page(QStringLiteral("sessionsPage")));
    const int row = page->model()->rowOf(sessionId);
    QVERIFY(row >= 0);
    page->view()->setCurrentIndex(page->view()->model()->index(row, 0));
}

void SessionsPanelTest::loginAppearsWithinASecondAndRevokeEndsIt()
{
    SessionsPage* page = openPage();
    QVERIFY(page && page->model()->isLoaded());
    const int before = page->model()->rowCount();

    const QByteArray token = m_panel->flex.loginToken(TestPasswords::first());
    QVERIFY(!token.isEmpty());
    QElapsedTimer sinceLogin;
    sinceLogin.start();
    const QString sessionId = JwtForge::payload(token).value(QStringLiteral("sid")).toString();
    QVERIFY(!sessionId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(sessionId) >= 0, 1000);
    qInfo("the login appeared in the Sessions page after %lld ms", sinceLogin.elapsed());
    QCOMPARE(page->model()->rowCount(), before + 1);
    const SessionInfo& shown = page->model()->at(page->model()->rowOf(sessionId));
    QCOMPARE(shown.username, QStringLiteral("admin"));
    QCOMPARE(shown.dialect, QStringLiteral("flex"));
    QCOMPARE(shown.clientIp, QStringLiteral("127.0.0.1"));
    EXPECT_STATUS(m_panel->flex.session(token), 200);

    select(sessionId);
    auto* revoke = m_panel->find<QPushButton>(QStringLiteral("revokeSession"));
    QVERIFY(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowOf(sessionId), -1);
    EXPECT_STATUS(m_panel->flex.session(token), 401);
}

void SessionsPanelTest::revokesEverySessionOfAUser()
{
    QVERIFY(
        !m_panel->createUser(QStringLiteral("alice"), QStringLiteral("operator"), TestPasswords::second()).isEmpty());
    SessionsPage* page = openPage();
    QVERIFY(page);
    const TokenPair first = m_panel->rest.loginPair(QStringLiteral("alice"), TestPasswords::second());
    const TokenPair second = m_panel->rest.loginPair(QStringLiteral("alice"), TestPasswords::second());
    const QByteArray admin = m_panel->flex.loginToken(TestPasswords::first());
    QVERIFY(first.isValid() && second.isValid() && !admin.isEmpty());
    const QString firstId = JwtForge::payload(first.access).value(QStringLiteral("sid")).toString();
    QTRY_VERIFY(page->model()->rowOf(firstId) >= 0);

    select(firstId);
    auto* revokeUser = m_panel->find<QPushButton>(QStringLiteral("revokeUserSessions"));
    QCOMPARE(revokeUser->text(), QStringLiteral("Revoke all of alice…"));
    QTest::mouseClick(revokeUser, Qt::LeftButton);
    QPushButton* yes = nullptr;
    QTRY_VERIFY((yes = m_panel->find<QPushButton>(QStringLiteral("confirmYes"))));
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowOf(firstId), -1);
    EXPECT_STATUS(m_panel->rest.me(HttpClient::bearer(first.access)), 401);
    EXPECT_STATUS(m_panel->rest.me(HttpClient::bearer(second.access)), 401);
    EXPECT_STATUS(m_panel->flex.session(admin), 200); // the admin's session is not alice's
}

QTEST_MAIN(SessionsPanelTest)
#include "sessions.moc"
