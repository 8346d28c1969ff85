#include "accountspage.h"

#include "ui/dialogs/accountdialog.h"
#include "ui/dialogs/confirm.h"
#include "ui/dialogs/passworddialog.h"
#include "ui/models/accountmodel.h"
#include "ui/serverbridge.h"
#include "ui/widgets/passwordfield.h"
#include "ui/widgets/tablesetup.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QPushButton* button(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    return b;
}
} // namespace

AccountsPage::AccountsPage(ServerBridge& bridge, QWidget* parent) : QWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("accountsPage"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildDevicePassword());
    layout->addWidget(buildAccounts(), 1);
    layout->addWidget(m_message);
    connect(&bridge, &ServerBridge::statusChanged, this, &AccountsPage::showStatus);
    connect(&bridge, &ServerBridge::accountsChanged, this, &AccountsPage::reload);
    bridge.fetchStatus(this, [this](const ServerStatus& status) { showStatus(status); });
    reload();
}

QWidget* AccountsPage::buildDevicePassword()
{
    auto* box = new QGroupBox(tr("Device password"), this);
    m_deviceState = new QLabel(box);
    m_deviceState->setObjectName(QStringLiteral("devicePasswordState"));
    m_deviceState->setWordWrap(true);
    m_devicePassword = new PasswordField(QStringLiteral("device"), box);
    m_applyDevice = button(tr("Set password"), QStringLiteral("devicePasswordApply"), box);
    m_applyDevice->setEnabled(false);
    m_removeDevice = button(tr("Remove password…"), QStringLiteral("devicePasswordRemove"), box);
    connect(m_devicePassword, &PasswordField::acceptableChanged, m_applyDevice, &QPushButton::setEnabled);
    connect(m_applyDevice, &QPushButton::clicked, this, &AccountsPage::applyDevicePassword);
    connect(m_removeDevice, &QPushButton::clicked, this, &AccountsPage::removeDevicePassword);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_applyDevice);
    buttons->addWidget(m_removeDevice);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_deviceState);
    layout->addWidget(m_devicePassword);
    layout->addLayout(buttons);
    return box;
}

QWidget* AccountsPage::buildAccounts()
{
    auto* box = new QGroupBox(tr("User accounts"), this);
    m_model = new AccountModel(this);
    m_table = TableSetup::create(QStringLiteral("accountsTable"), m_model, box);
    TableSetup::setWidths(m_table, {140, 200, 100, 160});
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountsPage::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, &AccountsPage::editAccount);

    QPushButton* add = button(tr("Add…"), QStringLiteral("addAccount"), box);
    m_edit = button(tr("Edit…"), QStringLiteral("editAccount"), box);
    m_toggle = button(tr("Disable"), QStringLiteral("toggleAccountDisabled"), box);
    m_reset = button(tr("Reset password…"), QStringLiteral("resetAccountPassword"), box);
    m_remove = button(tr("Remove…"), QStringLiteral("removeAccount"), box);
    connect(add, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &AccountsPage::editAccount);
    connect(m_toggle, &QPushButton::clicked, this, &AccountsPage::toggleDisabled);
    connect(m_reset, &QPushButton::clicked, this, &AccountsPage::resetPassword);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPage::removeAccount);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {add, m_edit, m_toggle, m_reset, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    updateButtons();
    return box;
}

void AccountsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void AccountsPage::focusDevicePassword()
{
    m_devicePassword->focusPassword();
}

void AccountsPage::showStatus(const ServerStatus& status)
{
    m_authEnabled = status.authEnabled;
    m_deviceState->setText(status.authEnabled
                               ? tr("A device password is set: clients must log in. Changing it ends every "
                                    "session of the admin account.")
                               : tr("<b>No device password is set.</b> Anyone who can reach the encoder can use "
                                    "its API. Choose a password below."));
    m_applyDevice->setText(status.authEnabled ? tr("Change password") : tr("Set password"));
    m_removeDevice->setEnabled(status.authEnabled);
}

void AccountsPage::reload()
{
    m_bridge.fetchAccounts(this, [this](const QList<AccountInfo>& accounts) {
        // Any account's change reloads the list, the operator's own action included: the
        // account they had selected stays selected (and the buttons show its new state).
        const auto selected = selectedAccount();
        m_model->setRows(accounts);
        for (int row = 0; selected && row < accounts.size(); ++row) {
            if (accounts[row].id == selected->id) {
                m_table->selectRow(row);
                break;
            }
        }
        updateButtons();
    });
}

void AccountsPage::applyDevicePassword()
{
    m_applyDevice->setEnabled(false);
    const bool changing = m_authEnabled;
    m_bridge.setDevicePassword(m_devicePassword->password(), this, [this, changing](const OpResult& result) {
        if (result.ok)
            m_devicePassword->clear();
        else
            m_applyDevice->setEnabled(m_devicePassword->isAcceptable());
        report(result, changing ? tr("The device password was changed.") : tr("The device password was set."));
    });
}

void AccountsPage::removeDevicePassword()
{
    Confirm::ask(this, QStringLiteral("confirmRemovePassword"), tr("Remove the device password?"),
                 tr("Authentication is switched off: anyone who can reach the encoder can use its API, and "
                    "every session ends."),
                 tr("Remove password"), [this] {
                     m_bridge.removeDevicePassword(this, [this](const OpResult& result) {
                         report(result, tr("The device password was removed; authentication is off."));
                     });
                 });
}

std::optional<AccountInfo> AccountsPage::selectedAccount() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->at(rows.first().row());
}

void AccountsPage::updateButtons()
{
    const auto account = selectedAccount();
    const bool builtin = account && account->builtinAdmin;
    m_edit->setEnabled(account.has_value());
    m_toggle->setEnabled(account && !builtin);
    m_toggle->setText(account && account->disabled ? tr("Enable") : tr("Disable"));
    m_reset->setEnabled(account && !builtin); // the device password has its own box above
    m_remove->setEnabled(account && !builtin);
}

void AccountsPage::addAccount()
{
    auto* dialog = new AccountDialog(m_bridge, std::nullopt, this);
    dialog->open();
}

void AccountsPage::editAccount()
{
    if (const auto account = selectedAccount())
        (new AccountDialog(m_bridge, *account, this))->open();
}

void AccountsPage::toggleDisabled()
{
    const auto account = selectedAccount();
    if (!account)
        return;
    const AccountEdit edit{account->firstname, account->lastname, account->role, !account->disabled};
    const QString done =
        edit.disabled ? tr("%1 is disabled.").arg(account->username) : tr("%1 is enabled.").arg(account->username);
    m_bridge.updateAccount(account->id, edit, this, [this, done](const OpResult& result) { report(result, done); });
}

void AccountsPage::resetPassword()
{
    if (const auto account = selectedAccount())
        (new PasswordDialog(m_bridge, *account, this))->open();
}

void AccountsPage::removeAccount()
{
    const auto account = selectedAccount();
    if (!account)
        return;
    Confirm::ask(this, QStringLiteral("confirmRemoveAccount"), tr("Remove the account %1?").arg(account->username),
                 tr("Its sessions end and its API tokens stop working."), tr("Remove"),
                 [this, id = account->id, name = account->username] {
                     m_bridge.removeAccount(id, this, [this, name](const OpResult& result) {
                         report(result, tr("%1 was removed.").arg(name));
                     });
                 });
}

void AccountsPage::report(const OpResult& result, const QString& success)
{
    m_message->setText(result.ok ? success : result.message);
    m_message->setStyleSheet(result.ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020;"));
}
