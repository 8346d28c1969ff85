#include "accountdialog.h"

#include "ui/serverbridge.h"
#include "ui/widgets/passwordfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AccountDialog::AccountDialog(ServerBridge& bridge, std::optional<AccountInfo> existing, QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_existing(std::move(existing)), m_username(new QLineEdit(this)),
      m_firstname(new QLineEdit(this)), m_lastname(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_disabled(new QCheckBox(tr("Disabled (cannot log in; its sessions end)"), this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(m_existing ? tr("Edit account") : tr("Add account"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_username->setObjectName(QStringLiteral("accountUsername"));
    m_firstname->setObjectName(QStringLiteral("accountFirstname"));
    m_lastname->setObjectName(QStringLiteral("accountLastname"));
    m_role->setObjectName(QStringLiteral("accountRole"));
    m_disabled->setObjectName(QStringLiteral("accountDisabled"));
    m_error->setObjectName(QStringLiteral("accountError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_role->addItem(tr("viewer — reads the encoder's resources"), QStringLiteral("viewer"));
    m_role->addItem(tr("operator — reads and changes the encoder's resources"), QStringLiteral("operator"));
    m_role->addItem(tr("admin — everything, accounts and tokens included"), QStringLiteral("admin"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildForm());
    layout->addWidget(m_error);
    layout->addWidget(buildButtons());
    updateOk();
}

QFormLayout* AccountDialog::buildForm()
{
    auto* form = new QFormLayout;
    form->addRow(tr("User name"), m_username);
    form->addRow(tr("First name"), m_firstname);
    form->addRow(tr("Last name"), m_lastname);
    form->addRow(tr("Role"), m_role);
    if (m_existing) {
        m_username->setText(m_existing->username);
        m_username->setReadOnly(true);
        m_firstname->setText(m_existing->firstname);
        m_lastname->setText(m_existing->lastname);
        m_role->setCurrentIndex(std::max(0, m_role->findData(m_existing->role)));
        m_disabled->setChecked(m_existing->disabled);
        // The device password's account can be neither demoted nor disabled.
        m_role->setEnabled(!m_existing->builtinAdmin);
        m_disabled->setEnabled(!m_existing->builtinAdmin);
        form->addRow(QString(), m_disabled);
    } else {
        m_disabled->hide();
        m_password = new PasswordField(QStringLiteral("account"), this);
        form->addRow(tr("Password"), m_password);
        connect(m_password, &PasswordField::acceptableChanged, this, &AccountDialog::updateOk);
        connect(m_username, &QLineEdit::textChanged, this, &AccountDialog::updateOk);
    }
    return form;
}

QDialogButtonBox* AccountDialog::buildButtons()
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("accountDialogOk"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("accountDialogCancel"));
    m_ok->setText(m_existing ? tr("Save") : tr("Add account"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

void AccountDialog::updateOk()
{
    m_ok->setEnabled(m_existing || (!m_username->text().trimmed().isEmpty() && m_password->isAcceptable()));
}

void AccountDialog::accept()
{
    m_ok->setEnabled(false);
    m_error->clear();
    const auto finished = [this](const OpResult& result) { finish(result); };
    if (m_existing) {
        const AccountEdit edit{m_firstname->text().trimmed(), m_lastname->text().trimmed(),
                               m_role->currentData().toString(), m_disabled->isChecked()};
        m_bridge.updateAccount(m_existing->id, edit, this, finished);
        return;
    }
    const NewAccount account{m_username->text().trimmed(), m_firstname->text().trimmed(), m_lastname->text().trimmed(),
                             m_role->currentData().toString(), m_password->password()};
    m_bridge.createAccount(account, this, finished);
}

void AccountDialog::finish(const OpResult& result)
{
    if (result.ok) {
        QDialog::accept();
        return;
    }
    m_error->setText(result.message);
    updateOk();
}
