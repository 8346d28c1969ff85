#pragma once

#include "server/panel/panelvalues.h"

#include <QDialog>

class PasswordField;
class QLabel;
class QPushButton;
class ServerBridge;

// Sets a new password for a user account (the operator's reset: no old password asked).
// The account's sessions end, as with every password change.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    PasswordDialog(ServerBridge& bridge, const AccountInfo& account, QWidget* parent = nullptr);

    void accept() override;

private:
    ServerBridge& m_bridge;
    qint64 m_accountId;
    PasswordField* m_password;
    QLabel* m_error;
    QPushButton* m_ok;
};
