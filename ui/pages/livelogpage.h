#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

class AuditFilter;
class AuditModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class ServerBridge;

// The audit stream as it happens: logins, password changes, revocations, account and
// token changes. Filterable; Pause holds new events back (so a row does not move while it
// is read) and Resume shows them.
class LiveLogPage : public QWidget
{
    Q_OBJECT

public:
    explicit LiveLogPage(ServerBridge& bridge, QWidget* parent = nullptr);

    bool isPaused() const { return m_paused; }

private:
    void receive(const QList<AuditEventInfo>& events);
    void setPaused(bool paused);
    void updateHeldBack();

    AuditModel* m_model;
    AuditFilter* m_filter;
    QTableView* m_view;
    QLineEdit* m_filterEdit;
    QPushButton* m_pause;
    QLabel* m_heldBack;
    QList<AuditEventInfo> m_pending; // newest first, while paused
    bool m_loaded = false;
    bool m_paused = false;
};
