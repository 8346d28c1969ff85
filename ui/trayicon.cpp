#include "trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

TrayIcon::TrayIcon(QObject* parent) : QObject(parent)
{
    if (!isAvailable())
        return;
    m_menu = new QMenu;
    QAction* show = m_menu->addAction(tr("Show control panel"));
    show->setObjectName(QStringLiteral("trayShow"));
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit (stop serving)"));
    quit->setObjectName(QStringLiteral("trayQuit"));
    connect(show, &QAction::triggered, this, &TrayIcon::showRequested);
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray = new QSystemTrayIcon(StatusIcons::icon(m_state), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setContextMenu(m_menu);
    m_tray->setToolTip(StatusIcons::describe(m_state));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showRequested();
    });
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu has no parent of its own
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::showStatus(const ServerStatus& status)
{
    const StatusIcons::State state = StatusIcons::stateOf(status);
    if (state == m_state)
        return;
    const bool attackBegins = state == StatusIcons::State::UnderAttack;
    m_state = state;
    if (!m_tray)
        return;
    m_tray->setIcon(StatusIcons::icon(state));
    m_tray->setToolTip(StatusIcons::describe(state));
    if (attackBegins)
        m_tray->showMessage(tr("Gatehouse"), StatusIcons::describe(state), QSystemTrayIcon::Warning);
}
