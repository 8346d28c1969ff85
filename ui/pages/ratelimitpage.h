#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

class LockoutModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class RateLimitEventModel;
class RateLimitFilter;
class ServerBridge;

// The rate limiter's view: the addresses locked out now (time left, Unblock), and the log
// of failures, lockouts, refused attempts and throttling, filtered by address and time.
class RateLimitPage : public QWidget
{
    Q_OBJECT

public:
    explicit RateLimitPage(ServerBridge& bridge, QWidget* parent = nullptr);

protected:
    // Reloads on every show: an unblock made outside the panel appears.
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildLockouts();
    QWidget* buildEvents();
    void receive(const QList<RateLimitEventInfo>& events);
    void reloadLockouts();
    void reloadEvents();
    void applyPeriod();
    void updateButtons();
    void unblockSelected();

    ServerBridge& m_bridge;
    LockoutModel* m_lockouts = nullptr;
    QTableView* m_lockoutTable = nullptr;
    QPushButton* m_unblock = nullptr;
    RateLimitEventModel* m_events = nullptr;
    RateLimitFilter* m_filter = nullptr;
    QLineEdit* m_address = nullptr;
    QComboBox* m_period = nullptr;
    QLabel* m_message = nullptr;
    qint64 m_newestEventMs = 0; // "the last hour" counts back from the newest event the server reported
};
