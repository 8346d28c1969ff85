#pragma once

#include "server/panel/panelvalues.h"
#include "statusicons.h"

#include <QObject>

class QMenu;
class QSystemTrayIcon;

// The system tray entry, where the desktop has a tray: the status icon (serving, no
// password, attack in progress), a click shows the window, the menu can quit. Without a
// tray it does nothing and isAvailable() says so (closing the window then quits).
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    StatusIcons::State state() const { return m_state; }

    void showStatus(const ServerStatus& status);

signals:
    void showRequested();
    void quitRequested();

private:
    StatusIcons::State m_state = StatusIcons::State::Stopped;
    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_menu = nullptr;
};
