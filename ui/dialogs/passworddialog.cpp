#include "passworddialog.h"

#include "ui/serverbridge.h"
#include "ui/widgets/passwordfield.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PasswordDialog::PasswordDialog(ServerBridge& bridge, const AccountInfo& account, QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_accountId(account.id),
      m_password(new PasswordField(QStringLiteral("reset"), this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Reset password"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* intro = new QLabel(
        tr("New password for %1. Their sessions end, so they log in again with it.").arg(account.username), this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("resetError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("resetOk"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("resetCancel"));
    m_ok->setText(tr("Set password"));
    m_ok->setEnabled(false);
    connect(m_password, &PasswordField::acceptableChanged, m_ok, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_password);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void PasswordDialog::accept()
{
    m_ok->setEnabled(false);
    m_bridge.resetPassword(m_accountId, m_password->password(), this, [this](const OpResult& result) {
        if (result.ok) {
            QDialog::accept();
            return;
        }
        m_error->setText(result.message);
        m_ok->setEnabled(m_password->isAcceptable());
    });
}
