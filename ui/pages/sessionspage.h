#pragma once

#include "server/panel/panelvalues.h"

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class ServerBridge;
class SessionFilter;
class SessionModel;

// The live sessions: who is logged in, with which dialect, from where, since when, until
// when. Kept current from the bridge's batched signals; revoke one session, or every
// session of its user. Loads when first shown (a 100,000-row list costs nothing until then).
class SessionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SessionsPage(ServerBridge& bridge, QWidget* parent = nullptr);

    SessionModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    void reload();

signals:
    void loaded(qint64 elapsedMs); // the snapshot is in the model (for the performance test)

protected:
    void showEvent(QShowEvent* event) override;

private:
    QHBoxLayout* buildButtons();
    void applyFilter(const QString& text);
    std::optional<SessionInfo> selectedSession() const;
    void updateButtons();
    void updateCount();
    void revokeSelected();
    void revokeUser();
    void report(const OpResult& result, const QString& success);

    ServerBridge& m_bridge;
    SessionModel* m_model;
    SessionFilter* m_filter;
    QTableView* m_view;
    QLineEdit* m_filterEdit;
    QLabel* m_count;
    QPushButton* m_revoke;
    QPushButton* m_revokeUser;
    QLabel* m_message;
    QElapsedTimer m_loading;
    bool m_requested = false;
};
