#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

#include <optional>

class AccountModel;
class PasswordField;
class QLabel;
class QPushButton;
class QTableView;
class ServerBridge;

// Password & accounts: the device password (the built-in admin's: set, change, remove,
// with live policy feedback), and the user accounts with their roles (add, edit, disable,
// remove, reset password).
class AccountsPage : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsPage(ServerBridge& bridge, QWidget* parent = nullptr);

    // Brings the operator to the device password field (the first-run banner's button).
    void focusDevicePassword();

protected:
    // Reloads on every show: changes made outside the panel (gatehoused users ...) appear.
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildDevicePassword();
    QWidget* buildAccounts();
    void showStatus(const ServerStatus& status);
    void reload();
    void applyDevicePassword();
    void removeDevicePassword();
    std::optional<AccountInfo> selectedAccount() const;
    void updateButtons();
    void addAccount();
    void editAccount();
    void toggleDisabled();
    void resetPassword();
    void removeAccount();
    void report(const OpResult& result, const QString& success);

    ServerBridge& m_bridge;
    bool m_authEnabled = false;
    QLabel* m_deviceState = nullptr;
    PasswordField* m_devicePassword = nullptr;
    QPushButton* m_applyDevice = nullptr;
    QPushButton* m_removeDevice = nullptr;
    AccountModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_toggle = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_message = nullptr;
};
