#include "mainwindow.h"

#include "dialogs/aboutdialog.h"
#include "pages/accountspage.h"
#include "pages/livelogpage.h"
#include "pages/oidcpage.h"
#include "pages/overviewpage.h"
#include "pages/ratelimitpage.h"
#include "pages/sessionspage.h"
#include "pages/tokenspage.h"
#include "panelsettings.h"
#include "serverbridge.h"
#include "statusicons.h"
#include "trayicon.h"

#include <QAction>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(ServerBridge& bridge, PanelSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_navigation(new QListWidget(this)), m_pages(new QStackedWidget(this)),
      m_statusText(new QLabel(this)), m_tray(new TrayIcon(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse %1 — control panel").arg(QStringLiteral(GATEHOUSE_VERSION)));
    setWindowIcon(StatusIcons::icon(StatusIcons::State::Stopped));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(190);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget#navigation::item { padding: 7px 6px; }"));
    m_pages->setObjectName(QStringLiteral("pages"));
    m_statusText->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_statusText, 1);

    m_accounts = new AccountsPage(bridge, this);
    addPage(new OverviewPage(bridge, this), tr("Overview"));
    addPage(m_accounts, tr("Password & accounts"));
    addPage(new TokensPage(bridge, this), tr("API tokens"));
    addPage(new SessionsPage(bridge, this), tr("Sessions"));
    addPage(new RateLimitPage(bridge, this), tr("Rate-limit log"));
    addPage(new LiveLogPage(bridge, this), tr("Live log"));
    addPage(new OidcPage(bridge, this), tr("OpenID Connect"));
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* body = new QHBoxLayout;
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(buildBanner());
    layout->addLayout(body, 1);
    setCentralWidget(central);
    buildMenus(settings);
    resize(1100, 720);

    connect(&bridge, &ServerBridge::statusChanged, this, &MainWindow::showStatus);
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::bringBack);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quitRequested);
    bridge.fetchStatus(this, [this](const ServerStatus& status) { showStatus(status); });
}

void MainWindow::addPage(QWidget* page, const QString& title)
{
    m_pages->addWidget(page);
    m_navigation->addItem(title);
}

QFrame* MainWindow::buildBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("firstRunBanner"));
    m_banner->setStyleSheet(QStringLiteral("#firstRunBanner { background: #fdecea; border: 1px solid #c62828; }"
                                           "#firstRunBanner QLabel { color: #7f1d1d; }"));
    auto* text = new QLabel(tr("<b>No device password is set.</b> Anyone who can reach this encoder can use its "
                               "API. Set a password to protect it."),
                            m_banner);
    text->setObjectName(QStringLiteral("firstRunText"));
    text->setWordWrap(true);
    auto* set = new QPushButton(tr("Set a password…"), m_banner);
    set->setObjectName(QStringLiteral("firstRunSetPassword"));
    connect(set, &QPushButton::clicked, this, [this] {
        showPage(QStringLiteral("accountsPage"));
        m_accounts->focusDevicePassword();
    });
    auto* layout = new QHBoxLayout(m_banner);
    layout->addWidget(text, 1);
    layout->addWidget(set);
    m_banner->hide(); // until the server says no password is set
    return m_banner;
}

void MainWindow::buildMenus(PanelSettings& settings)
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit (stop serving)"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu* options = menuBar()->addMenu(tr("&Settings"));
    QAction* keep = options->addAction(tr("Keep serving when the window is closed"));
    keep->setObjectName(QStringLiteral("actionKeepServing"));
    keep->setCheckable(true);
    keep->setChecked(settings.keepServingWhenClosed());
    keep->setEnabled(TrayIcon::isAvailable()); // without a tray the window could not come back
    connect(keep, &QAction::toggled, &settings, &PanelSettings::setKeepServingWhenClosed);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Gatehouse"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] { AboutDialog::show(this); });
}

void MainWindow::showPage(const QString& objectName)
{
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == objectName)
            m_navigation->setCurrentRow(i);
    }
}

QWidget* MainWindow::page(const QString& objectName) const
{
    return m_pages->findChild<QWidget*>(objectName, Qt::FindDirectChildrenOnly);
}

QStringList MainWindow::pageNames() const
{
    QStringList names;
    for (int i = 0; i < m_pages->count(); ++i)
        names.append(m_pages->widget(i)->objectName());
    return names;
}

void MainWindow::showStatus(const ServerStatus& status)
{
    const StatusIcons::State state = StatusIcons::stateOf(status);
    setWindowIcon(StatusIcons::icon(state));
    m_tray->showStatus(status);
    m_banner->setVisible(status.listening && !status.authEnabled);
    const QString where = status.urls.isEmpty() ? QString() : status.urls.constFirst();
    m_statusText->setText(status.listening ? tr("%1 — %2").arg(StatusIcons::describe(state), where)
                                           : StatusIcons::describe(state));
}

void MainWindow::bringBack()
{
    show();
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_settings.keepServingWhenClosed() && TrayIcon::isAvailable()) {
        // The server keeps serving; the tray icon brings the window back or quits.
        hide();
        event->ignore();
        return;
    }
    event->accept();
    emit quitRequested();
}
