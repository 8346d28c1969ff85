// Six failed logins lock the address: the lockout shows in the Rate-limit page, and
// Unblock there lets the next (correct) login through.

#include "support/panelfixture.h"

#include "tests/testsupport/testhelpers.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

class RateLimitPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void lockoutAppearsAndUnblockLetsTheNextLoginThrough();
    void logFiltersByAddress();

private:
    void failLogins(int count);

    std::unique_ptr<PanelFixture> m_panel;
};

void RateLimitPanelTest::init()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
    QVERIFY(m_panel->enableAuth());
    m_panel->showPage(QStringLiteral("rateLimitPage"));
}

void RateLimitPanelTest::cleanup()
{
    m_panel.reset();
}

void RateLimitPanelTest::failLogins(int count)
{
    for (int i = 0; i < count; ++i) {
        const int status = m_panel->flex.login(TestPasswords::wrong()).status;
        QVERIFY2(status == 400 || status == 429, qPrintable(QString::number(status)));
    }
}

void RateLimitPanelTest::lockoutAppearsAndUnblockLetsTheNextLoginThrough()
{
    auto* lockouts = m_panel->find<QTableView>(QStringLiteral("lockoutsTable"));
    QVERIFY(lockouts);
    QCOMPARE(lockouts->model()->rowCount(), 0);
    failLogins(6);
    EXPECT_STATUS(m_panel->flex.login(TestPasswords::first()), 429); // locked: even the right password

    QTRY_COMPARE(lockouts->model()->rowCount(), 1);
    QCOMPARE(lockouts->model()->index(0, 0).data().toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(lockouts->model()->index(0, 1).data().toString().contains(QStringLiteral("min")));
    auto* events = m_panel->find<QTableView>(QStringLiteral("rateLimitEvents"));
    QTRY_VERIFY(events->model()->rowCount() >= 7); // 5 failures, the lockout, refused attempts

    lockouts->selectRow(0);
    auto* unblock = m_panel->find<QPushButton>(QStringLiteral("unblockAddress"));
    QVERIFY(unblock->isEnabled());
    QTest::mouseClick(unblock, Qt::LeftButton);
    QTRY_COMPARE(lockouts->model()->rowCount(), 0);
    QTRY_COMPARE(m_panel->find<QLabel>(QStringLiteral("rateLimitMessage"))->text(),
                 QStringLiteral("127.0.0.1 may log in again."));
    EXPECT_STATUS(m_panel->flex.login(TestPasswords::first()), 200);
}

void RateLimitPanelTest::logFiltersByAddress()
{
    failLogins(2);
    auto* events = m_panel->find<QTableView>(QStringLiteral("rateLimitEvents"));
    QTRY_COMPARE(events->model()->rowCount(), 2);
    auto* address = m_panel->find<QLineEdit>(QStringLiteral("rateLimitAddress"));
    QTest::keyClicks(address, QStringLiteral("10.9."));
    QCOMPARE(events->model()->rowCount(), 0);
    address->clear();
    QTest::keyClicks(address, QStringLiteral("127.0."));
    QCOMPARE(events->model()->rowCount(), 2);
}

QTEST_MAIN(RateLimitPanelTest)
#include "ratelimit.moc"
