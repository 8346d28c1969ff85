// User accounts managed through the Password & accounts page: add, disable, reset, remove.

#include "support/panelfixture.h"

#include "tests/testsupport/testhelpers.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

class AccountsPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addsAnAccountThatCanLogIn();
    void disablesResetsAndRemovesAnAccount();
    void selectionSurvivesAReload();

private:
    bool addAccount(const QString& username, const QString& role, const QString& password);
    int rowOf(const QString& username) const;
    void selectAccount(const QString& username);
    void confirm();

    std::unique_ptr<PanelFixture> m_panel;
};

void AccountsPanelTest::init()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
    QVERIFY(m_panel->enableAuth());
    m_panel->showPage(QStringLiteral("accountsPage"));
}

void AccountsPanelTest::cleanup()
{
    m_panel.reset();
}

int AccountsPanelTest::rowOf(const QString& username) const
{
    const QAbstractItemModel* model = m_panel->find<QTableView>(QStringLiteral("accountsTable"))->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == username)
            return row;
    }
    return -1;
}

void AccountsPanelTest::selectAccount(const QString& username)
{
    QTRY_VERIFY(rowOf(username) >= 0);
    m_panel->find<QTableView>(QStringLiteral("accountsTable"))->selectRow(rowOf(username));
}

void AccountsPanelTest::confirm()
{
    QPushButton* yes = nullptr;
    QTRY_VERIFY((yes = m_panel->find<QPushButton>(QStringLiteral("confirmYes"))));
    QTest::mouseClick(yes, Qt::LeftButton);
}

bool AccountsPanelTest::addAccount(const QString& username, const QString& role, const QString& password)
{
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("addAccount")), Qt::LeftButton);
    QLineEdit* name = nullptr;
    if (!QTest::qWaitFor([&] { return (name = m_panel->find<QLineEdit>(QStringLiteral("accountUsername"))); }))
        return false;
    QTest::keyClicks(name, username);
    auto* roles = m_panel->find<QComboBox>(QStringLiteral("accountRole"));
    roles->setCurrentIndex(roles->findData(role));
    QTest::keyClicks(m_panel->find<QLineEdit>(QStringLiteral("accountPassword")), password);
    QTest::keyClicks(m_panel->find<QLineEdit>(QStringLiteral("accountConfirm")), password);
    auto* ok = m_panel->find<QPushButton>(QStringLiteral("accountDialogOk"));
    if (!QTest::qWaitFor([ok] { return ok->isEnabled(); }))
        return false;
    QTest::mouseClick(ok, Qt::LeftButton);
    return QTest::qWaitFor([this] { return !m_panel->find<QWidget>(QStringLiteral("accountDialog")); });
}

void AccountsPanelTest::addsAnAccountThatCanLogIn()
{
    QVERIFY(addAccount(QStringLiteral("alice"), QStringLiteral("operator"), TestPasswords::second()));
    QTRY_VERIFY(rowOf(QStringLiteral("alice")) >= 0);
    const QAbstractItemModel* model = m_panel->find<QTableView>(QStringLiteral("accountsTable"))->model();
    QCOMPARE(model->index(rowOf(QStringLiteral("alice")), 2).data().toString(), QStringLiteral("operator"));
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("admin")); // the device password first
    QVERIFY(m_panel->rest.loginPair(QStringLiteral("alice"), TestPasswords::second()).isValid());
}

void AccountsPanelTest::disablesResetsAndRemovesAnAccount()
{
    QVERIFY(!m_panel->createUser(QStringLiteral("bob"), QStringLiteral("viewer"), TestPasswords::second()).isEmpty());
    const TokenPair bob = m_panel->rest.loginPair(QStringLiteral("bob"), TestPasswords::second());
    QVERIFY(bob.isValid());

    selectAccount(QStringLiteral("bob"));
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("toggleAccountDisabled")), Qt::LeftButton);
    QTRY_COMPARE(m_panel->find<QLabel>(QStringLiteral("accountsMessage"))->text(), QStringLiteral("bob is disabled."));
    EXPECT_STATUS(m_panel->rest.me(HttpClient::bearer(bob.access)), 401); // disabling ended the session
    QVERIFY(!m_panel->rest.loginPair(QStringLiteral("bob"), TestPasswords::second()).isValid());
    selectAccount(QStringLiteral("bob"));
    QTRY_COMPARE(m_panel->find<QPushButton>(QStringLiteral("toggleAccountDisabled"))->text(), QStringLiteral("Enable"));
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("toggleAccountDisabled")), Qt::LeftButton);
    QTRY_COMPARE(m_panel->find<QLabel>(QStringLiteral("accountsMessage"))->text(), QStringLiteral("bob is enabled."));

    selectAccount(QStringLiteral("bob"));
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("resetAccountPassword")), Qt::LeftButton);
    QLineEdit* field = nullptr;
    QTRY_VERIFY((field = m_panel->find<QLineEdit>(QStringLiteral("resetPassword"))));
    QTest::keyClicks(field, TestPasswords::third());
    QTest::keyClicks(m_panel->find<QLineEdit>(QStringLiteral("resetConfirm")), TestPasswords::third());
    auto* ok = m_panel->find<QPushButton>(QStringLiteral("resetOk"));
    QTRY_VERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!m_panel->find<QWidget>(QStringLiteral("passwordDialog")));
    QVERIFY(m_panel->rest.loginPair(QStringLiteral("bob"), TestPasswords::third()).isValid());

    selectAccount(QStringLiteral("bob"));
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("removeAccount")), Qt::LeftButton);
    confirm();
    QTRY_COMPARE(rowOf(QStringLiteral("bob")), -1);
    QVERIFY(!m_panel->rest.loginPair(QStringLiteral("bob"), TestPasswords::third()).isValid());

    // The built-in admin (the device password) can be neither disabled nor removed here.
    selectAccount(QStringLiteral("admin"));
    QVERIFY(!m_panel->find<QPushButton>(QStringLiteral("removeAccount"))->isEnabled());
    QVERIFY(!m_panel->find<QPushButton>(QStringLiteral("toggleAccountDisabled"))->isEnabled());
}

// Any account's change reloads the list; the account the operator selected stays selected,
// and its buttons follow its new state.
void AccountsPanelTest::selectionSurvivesAReload()
{
    QVERIFY(!m_panel->createUser(QStringLiteral("dora"), QStringLiteral("viewer"), TestPasswords::second()).isEmpty());
    selectAccount(QStringLiteral("dora"));
    QVERIFY(!m_panel->createUser(QStringLiteral("erin"), QStringLiteral("viewer"), TestPasswords::second()).isEmpty());
    QTRY_VERIFY(rowOf(QStringLiteral("erin")) >= 0);
    auto* table = m_panel->find<QTableView>(QStringLiteral("accountsTable"));
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), QStringLiteral("dora"));
    QCOMPARE(m_panel->find<QPushButton>(QStringLiteral("toggleAccountDisabled"))->text(), QStringLiteral("Disable"));
    QVERIFY(m_panel->find<QPushButton>(QStringLiteral("removeAccount"))->isEnabled());
}

QTEST_MAIN(AccountsPanelTest)
#include "accounts.moc"
