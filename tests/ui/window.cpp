// The main window: the Overview's facts, the live login chart, the live log, what closing
// the window does, and the version and license it states.

#include "support/panelfixture.h"

#include "tests/testsupport/testhelpers.h"
#include "ui/appicon.h"
#include "ui/mainwindow.h"
#include "ui/panelsettings.h"
#include "ui/trayicon.h"
#include "ui/widgets/loginchart.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {
int sum(const QList<int>& values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0);
}
} // namespace

class WindowTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void overviewShowsWhereAndHowTheServerServes();
    void chartCountsLoginsLive();
    void liveLogFollowsAndPauses();
    void closingWithoutATrayStopsServing();
    void titleAndAboutStateVersionAndLicense();

private:
    std::unique_ptr<PanelFixture> m_panel;
};

void WindowTest::init()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
}

void WindowTest::cleanup()
{
    m_panel.reset();
}

void WindowTest::overviewShowsWhereAndHowTheServerServes()
{
    const auto text = [this](const char* name) { return m_panel->find<QLabel>(QLatin1String(name))->text(); };
    QTRY_COMPARE(text("overviewFingerprint"), m_panel->server.startInfo().fingerprint);
    QCOMPARE(text("overviewUrls"), m_panel->server.startInfo().url);
    QVERIFY(text("overviewAuth").startsWith(QStringLiteral("Off")));
    QCOMPARE(text("overviewSessions"), QStringLiteral("0"));

    QVERIFY(m_panel->enableAuth());
    QVERIFY(!m_panel->flex.loginToken(TestPasswords::first()).isEmpty());
    QTRY_COMPARE(text("overviewAuth"), QStringLiteral("On"));
    QTRY_COMPARE(text("overviewSessions"), QStringLiteral("1"));
    QCOMPARE(text("overviewState"), QStringLiteral("Serving, protected"));
    for (int i = 0; i < 5; ++i)
        m_panel->flex.login(TestPasswords::wrong());
    QTRY_COMPARE(text("overviewLockouts"), QStringLiteral("1"));
    QTRY_COMPARE(text("overviewState"), QStringLiteral("Serving — login attack in progress"));
}

void WindowTest::chartCountsLoginsLive()
{
    auto* chart = m_panel->find<LoginChart>(QStringLiteral("loginChart"));
    QVERIFY(chart);
    QVERIFY(m_panel->enableAuth());
    QVERIFY(!m_panel->flex.loginToken(TestPasswords::first()).isEmpty());
    QVERIFY(!m_panel->flex.loginToken(TestPasswords::first()).isEmpty());
    m_panel->flex.login(TestPasswords::wrong());
    QTRY_COMPARE(sum(chart->activity().successes), 2);
    QTRY_COMPARE(sum(chart->activity().failures), 1);
    QCOMPARE(chart->activity().successes.constLast(), 2); // the current minute is the last bar
    QCOMPARE(chart->activity().successes.size(), LoginActivity::Minutes);

    // An hour later the minute has scrolled off the chart.
    m_panel->server.clock().advanceSecs(3600);
    QTRY_COMPARE(sum(chart->activity().successes), 0);
}

void WindowTest::liveLogFollowsAndPauses()
{
    m_panel->showPage(QStringLiteral("liveLogPage"));
    auto* view = m_panel->find<QTableView>(QStringLiteral("liveLogView"));
    QVERIFY(m_panel->enableAuth());
    QTRY_VERIFY(view->model()->rowCount() >= 1);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("password.set"));

    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("liveLogPause")), Qt::LeftButton);
    const int shown = view->model()->rowCount();
    QVERIFY(!m_panel->flex.loginToken(TestPasswords::first()).isEmpty());
    auto* held = m_panel->find<QLabel>(QStringLiteral("liveLogHeldBack"));
    QTRY_COMPARE(held->text(), QStringLiteral("1 new event(s) held back"));
    QCOMPARE(view->model()->rowCount(), shown);
    QTest::mouseClick(m_panel->find<QPushButton>(QStringLiteral("liveLogPause")), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), shown + 1);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("login"));

    QTest::keyClicks(m_panel->find<QLineEdit>(QStringLiteral("liveLogFilter")), QStringLiteral("password"));
    QCOMPARE(view->model()->rowCount(), 1);
}

void WindowTest::closingWithoutATrayStopsServing()
{
    QVERIFY(!TrayIcon::isAvailable()); // offscreen: no tray, so the window could not come back
    auto* keep = m_panel->window->findChild<QAction*>(QStringLiteral("actionKeepServing"));
    QVERIFY(keep && !keep->isEnabled());
    QSignalSpy quit(m_panel->window.get(), &MainWindow::quitRequested);
    m_panel->window->close();
    QCOMPARE(quit.size(), 1);

    // The setting itself is kept in the panel's settings file.
    QVERIFY(m_panel->settings->keepServingWhenClosed());
    m_panel->settings->setKeepServingWhenClosed(false);
    PanelSettings reread(m_panel->settings->fileName());
    QVERIFY(!reread.keepServingWhenClosed());
}

void WindowTest::titleAndAboutStateVersionAndLicense()
{
    QCOMPARE(m_panel->window->windowTitle(), QStringLiteral("Gatehouse " GATEHOUSE_VERSION " — control panel"));
    QVERIFY(AppIcon::icon().availableSizes().contains(QSize(256, 256))); // the embedded PNGs
    QVERIFY(!m_panel->window->windowIcon().isNull());

    auto* about = m_panel->window->findChild<QAction*>(QStringLiteral("actionAbout"));
    QVERIFY(about);
    about->trigger();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = m_panel->find<QMessageBox>(QStringLiteral("aboutDialog"))) && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("Gatehouse " GATEHOUSE_VERSION)), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("License: GPL-3.0-or-later")), qPrintable(box->text()));
    box->close(); // it does not block: the window went on while it was open
}

QTEST_MAIN(WindowTest)
#include "window.moc"
