#pragma once

#include "server/panel/panelvalues.h"

#include <QMainWindow>

class AccountsPage;
class PanelSettings;
class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QStackedWidget;
class ServerBridge;
class TrayIcon;

// The control panel: a list of pages on the left (Overview, Password & accounts, API tokens,
// Sessions, Rate-limit log, Live log, OpenID Connect), the page on the right, and across the top a banner
// while no device password is set. Closing the window keeps the server running when the
// setting says so and a tray icon can bring it back; Quit stops the server.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ServerBridge& bridge, PanelSettings& settings, QWidget* parent = nullptr);

    // Pages by object name: overviewPage, accountsPage, tokensPage, sessionsPage,
    // rateLimitPage, liveLogPage, oidcPage.
    void showPage(const QString& objectName);
    QWidget* page(const QString& objectName) const;
    QStringList pageNames() const;
    TrayIcon* tray() const { return m_tray; }

signals:
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(QWidget* page, const QString& title);
    QFrame* buildBanner();
    void buildMenus(PanelSettings& settings);
    void showStatus(const ServerStatus& status);
    void bringBack();

    PanelSettings& m_settings;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    QFrame* m_banner = nullptr;
    QLabel* m_statusText;
    AccountsPage* m_accounts = nullptr;
    TrayIcon* m_tray;
};
