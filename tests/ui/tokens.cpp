// An API token created through the control panel: its secret appears exactly once.

#include "support/panelfixture.h"

#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/testhelpers.h"
#include "ui/dialogs/secretdialog.h"
#include "ui/dialogs/tokendialog.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTest>

namespace {

// Every text the panel shows: labels, line edits, and every cell of every view. A dialog
// is a top-level widget and a child of its page at once: each widget is read once.
QStringList visibleTexts()
{
    QSet<QWidget*> widgets;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        widgets.insert(top);
        for (QWidget* child : top->findChildren<QWidget*>())
            widgets.insert(child);
    }
    QStringList texts;
    for (QWidget* widget : std::as_const(widgets)) {
        if (const auto* label = qobject_cast<QLabel*>(widget))
            texts.append(label->text());
        if (const auto* edit = qobject_cast<QLineEdit*>(widget))
            texts.append(edit->text());
        const auto* view = qobject_cast<QAbstractItemView*>(widget);
        const QAbstractItemModel* model = view ? view->model() : nullptr;
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts.append(model->index(row, column).data().toString());
        }
    }
    return texts;
}

int countContaining(const QStringList& texts, const QString& secret)
{
    return int(std::count_if(texts.cbegin(), texts.cend(), [&](const QString& t) { return t.contains(secret); }));
}

} // namespace

class TokensPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createsATokenWhoseSecretIsShownExactlyOnce();
    void revokesATokenFromTheList();

private:
    QString createThroughDialog(const QString& name, const QStringList& boxes);

    std::unique_ptr<PanelFixture> m_panel;
};

void TokensPanelTest::init()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
    QVERIFY(m_panel->enableAuth());
    m_panel->showPage(QStringLiteral("tokensPage"));
}

void TokensPanelTest::cleanup()
{
    m_panel.reset();
}

// Fills the create dialog and returns the secret its follow-up dialog shows ("" on failure).
QString TokensPanelTest::createThroughDialog(const QString& name, const QStringList& boxes)
{
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("createToken")), Qt::LeftButton);
    TokenDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_panel->find<TokenDialog>(QStringLiteral("tokenDialog"))); }))
        return {};
    QTest::keyClicks(m_panel->find<QLineEdit>(QStringLiteral("tokenName")), name);
    for (const QString& box : boxes) {
        QCheckBox* check = nullptr;
        if (!QTest::qWaitFor([&] { return (check = m_panel->find<QCheckBox>(box)); }) || !check->isEnabled())
            return {};
        check->setChecked(true);
    }
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("tokenDialogOk")), Qt::LeftButton);
    QLineEdit* secret = nullptr;
    (void)QTest::qWaitFor([&] { return (secret = m_panel->find<QLineEdit>(QStringLiteral("tokenSecret"))); });
    return secret ? secret->text() : QString();
}

void TokensPanelTest::createsATokenWhoseSecretIsShownExactlyOnce()
{
    const QString secret =
        createThroughDialog(QStringLiteral("monitoring"), {QStringLiteral("permission_sessions_read")});
    QVERIFY2(ApiTokenCheck::formatProblem(secret.toLatin1()).isEmpty(),
             qPrintable(ApiTokenCheck::formatProblem(secret.toLatin1())));
    QTRY_VERIFY(!m_panel->find<TokenDialog>(QStringLiteral("tokenDialog")));

    // Shown once: in the secret dialog and nowhere else, with the warning and a working copy button.
    QCOMPARE(countContaining(visibleTexts(), secret), 1);
    QVERIFY(m_panel->find<QLabel>(QStringLiteral("secretWarning"))->text().contains(QStringLiteral("only time")));
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("copySecret")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QGuiApplication::clipboard()->clear();

    // The token works, with exactly the permission picked.
    const RequestHeaders bearer = HttpClient::bearer(secret.toLatin1());
    EXPECT_STATUS(m_panel->rest.listSessions(bearer), 200);
    EXPECT_STATUS(m_panel->rest.listUsers(bearer), 403);

    // Closed, it is gone for good: the list shows a hint, no widget holds the secret any more.
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("secretDone")), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->find<SecretDialog>(QStringLiteral("secretDialog")));
    auto* table = m_panel->find<QTableView>(QStringLiteral("tokensTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("monitoring"));
    QVERIFY(!table->model()->index(0, 1).data().toString().isEmpty()); // the hint
    QCOMPARE(countContaining(visibleTexts(), secret), 0);
    QCOMPARE(countContaining(visibleTexts(), secret.mid(10, 20)), 0);
}

void TokensPanelTest::revokesATokenFromTheList()
{
    const QString secret = createThroughDialog(QStringLiteral("backup"), {QStringLiteral("permission_users_read")});
    QVERIFY(!secret.isEmpty());
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("secretDone")), Qt::LeftButton);
    const RequestHeaders bearer = HttpClient::bearer(secret.toLatin1());
    EXPECT_STATUS(m_panel->rest.listUsers(bearer), 200);

    auto* table = m_panel->find<QTableView>(QStringLiteral("tokensTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QTRY_VERIFY(table->model()->index(0, 5).data().toString() != QStringLiteral("never")); // last use shown
    table->selectRow(0);
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("revokeToken")), Qt::LeftButton);
    QPushButton* yes = nullptr;
    QTRY_VERIFY((yes = m_panel->find<QPushButton>(QStringLiteral("confirmYes"))));
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_COMPARE(table->model()->rowCount(), 0);
    EXPECT_STATUS(m_panel->rest.listUsers(bearer), 401);
}

QTEST_MAIN(TokensPanelTest)
#include "tokens.moc"
