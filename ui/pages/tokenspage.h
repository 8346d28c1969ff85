#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class ServerBridge;
class TokenModel;

// API tokens: create one (the secret is shown once, in its own dialog), see each token's
// permissions, expiry and last use, revoke.
class TokensPage : public QWidget
{
    Q_OBJECT

public:
    explicit TokensPage(ServerBridge& bridge, QWidget* parent = nullptr);

protected:
    // Reloads on every show: changes made outside the panel (gatehoused tokens ...) appear.
    void showEvent(QShowEvent* event) override;

private:
    void reload();
    void updateButtons();
    void createToken();
    void revokeToken();
    void upsert(const QList<ApiTokenInfo>& tokens);

    ServerBridge& m_bridge;
    TokenModel* m_model;
    QTableView* m_table;
    QPushButton* m_revoke;
    QLabel* m_message;
};
