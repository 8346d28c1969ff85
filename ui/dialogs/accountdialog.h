#pragma once

#include "server/panel/panelvalues.h"

#include <QDialog>

#include <optional>

class PasswordField;
class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class ServerBridge;

// Adds a user account (name, role, first password) or edits one (names, role, disabled).
// Stays open with the server's reason when the server refuses.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    // Without `existing`: a new account.
    AccountDialog(ServerBridge& bridge, std::optional<AccountInfo> existing, QWidget* parent = nullptr);

    void accept() override;

private:
    QFormLayout* buildForm();
    QDialogButtonBox* buildButtons();
    void updateOk();
    void finish(const OpResult& result);

    ServerBridge& m_bridge;
    std::optional<AccountInfo> m_existing;
    QLineEdit* m_username;
    QLineEdit* m_firstname;
    QLineEdit* m_lastname;
    QComboBox* m_role;
    QCheckBox* m_disabled;
    PasswordField* m_password = nullptr;
    QLabel* m_error;
    QPushButton* m_ok;
};
