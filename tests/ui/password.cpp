// The device password set through the control panel's widgets, first-run banner included.

#include "support/panelfixture.h"

#include "tests/testsupport/testhelpers.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

class PasswordPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstRunBannerLeadsToThePasswordField();
    void setsTheDevicePasswordThroughTheWidgets();
    void liveFeedbackRefusesWeakPasswords_data();
    void liveFeedbackRefusesWeakPasswords();
    void removesTheDevicePasswordAfterConfirmation();

private:
    void typePassword(const QString& password, const QString& confirmation);

    std::unique_ptr<PanelFixture> m_panel;
};

void PasswordPanelTest::init()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
}

void PasswordPanelTest::cleanup()
{
    m_panel.reset();
}

void PasswordPanelTest::typePassword(const QString& password, const QString& confirmation)
{
    auto* field = m_panel->find<QLineEdit>(QStringLiteral("devicePassword"));
    auto* confirm = m_panel->find<QLineEdit>(QStringLiteral("deviceConfirm"));
    QVERIFY(field && confirm);
    field->clear();
    confirm->clear();
    QTest::keyClicks(field, password);
    QTest::keyClicks(confirm, confirmation);
}

void PasswordPanelTest::firstRunBannerLeadsToThePasswordField()
{
    auto* banner = m_panel->find<QWidget>(QStringLiteral("firstRunBanner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("firstRunSetPassword")), Qt::LeftButton);
    QTRY_VERIFY(m_panel->page(QStringLiteral("accountsPage"))->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), m_panel->find<QWidget>(QStringLiteral("devicePassword")));
}

void PasswordPanelTest::setsTheDevicePasswordThroughTheWidgets()
{
    m_panel->showPage(QStringLiteral("accountsPage"));
    auto* apply = m_panel->find<QPushButton>(QStringLiteral("devicePasswordApply"));
    QVERIFY(apply);
    QVERIFY(!apply->isEnabled());
    typePassword(TestPasswords::first(), TestPasswords::first());
    QTRY_VERIFY(apply->isEnabled()); // length and dictionary checks passed
    QTest::mouseClick(apply, Qt::LeftButton);

    auto* message = m_panel->find<QLabel>(QStringLiteral("accountsMessage"));
    QTRY_COMPARE(message->text(), QStringLiteral("The device password was set."));
    QTRY_VERIFY(!m_panel->find<QWidget>(QStringLiteral("firstRunBanner"))->isVisible());
    QCOMPARE(m_panel->find<QLineEdit>(QStringLiteral("devicePassword"))->text(), QString());
    QTRY_COMPARE(apply->text(), QStringLiteral("Change password"));

    // The server now demands exactly that password, over HTTPS.
    EXPECT_STATUS(m_panel->flex.login(TestPasswords::wrong()), 400);
    QVERIFY(!m_panel->flex.loginToken(TestPasswords::first()).isEmpty());
}

void PasswordPanelTest::liveFeedbackRefusesWeakPasswords_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("feedbackContains");
    QTest::newRow("too short") << QStringLiteral("short1!") << QStringLiteral("short1!") << QStringLiteral("12");
    QTest::newRow("common") << QStringLiteral("password1234") << QStringLiteral("password1234") << QString();
    QTest::newRow("mismatch") << TestPasswords::first() << TestPasswords::second() << QStringLiteral("again");
}

void PasswordPanelTest::liveFeedbackRefusesWeakPasswords()
{
    QFETCH(QString, password);
    QFETCH(QString, confirmation);
    QFETCH(QString, feedbackContains);
    m_panel->showPage(QStringLiteral("accountsPage"));
    typePassword(password, confirmation);
    auto* feedback = m_panel->find<QLabel>(QStringLiteral("deviceFeedback"));
    // The dictionary verdict arrives from a worker thread: wait until it has.
    QTRY_VERIFY(!feedback->text().contains(QStringLiteral("Checking")));
    QVERIFY2(feedbackContains.isEmpty() || feedback->text().contains(feedbackContains), qPrintable(feedback->text()));
    QVERIFY(!feedback->text().startsWith(QStringLiteral("Good")));
    QVERIFY(!m_panel->find<QPushButton>(QStringLiteral("devicePasswordApply"))->isEnabled());
}

void PasswordPanelTest::removesTheDevicePasswordAfterConfirmation()
{
    QVERIFY(m_panel->enableAuth());
    m_panel->showPage(QStringLiteral("accountsPage"));
    auto* remove = m_panel->find<QPushButton>(QStringLiteral("devicePasswordRemove"));
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QPushButton* yes = nullptr;
    QTRY_VERIFY((yes = m_panel->find<QPushButton>(QStringLiteral("confirmYes"))));
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_VERIFY(m_panel->find<QWidget>(QStringLiteral("firstRunBanner"))->isVisible());
    const HttpResponse status = m_panel->flex.status();
    QCOMPARE(status.object().value(QStringLiteral("auth_enabled")).toBool(), false);
}

QTEST_MAIN(PasswordPanelTest)
#include "password.moc"
