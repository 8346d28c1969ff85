#include "tokendialog.h"

#include "secretdialog.h"
#include "ui/serverbridge.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

TokenDialog::TokenDialog(ServerBridge& bridge, QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_name(new QLineEdit(this)), m_expires(new QCheckBox(tr("Expires on"), this)),
      m_expiry(new QDateTimeEdit(this)), m_grid(new QGridLayout), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("tokenDialog"));
    setWindowTitle(tr("Create API token"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_name->setObjectName(QStringLiteral("tokenName"));
    m_name->setMaxLength(64);
    m_name->setPlaceholderText(tr("What uses it, e.g. \"monitoring\""));
    m_expires->setObjectName(QStringLiteral("tokenExpires"));
    m_expiry->setObjectName(QStringLiteral("tokenExpiry"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setDateTime(QDateTime::currentDateTime().addDays(90));
    m_expiry->setMinimumDateTime(QDateTime::currentDateTime());
    m_expiry->setEnabled(false);
    connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
    connect(m_name, &QLineEdit::textChanged, this, &TokenDialog::updateOk);
    m_error->setObjectName(QStringLiteral("tokenError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    auto* permissions = new QGroupBox(tr("Permissions"), this);
    permissions->setLayout(m_grid);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildForm());
    layout->addWidget(permissions);
    layout->addWidget(m_error);
    layout->addWidget(buildButtons());
    updateOk();
    m_bridge.fetchTokenChoices(this, [this](const TokenChoices& choices) { setChoices(choices); });
}

QFormLayout* TokenDialog::buildForm()
{
    auto* expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_expiry, 1);
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Expiry"), expiryRow);
    return form;
}

QDialogButtonBox* TokenDialog::buildButtons()
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("tokenDialogOk"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("tokenDialogCancel"));
    m_ok->setText(tr("Create token"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TokenDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

// One row per resource, one column per action; a box the operator may not grant stays disabled.
void TokenDialog::setChoices(const TokenChoices& choices)
{
    for (int column = 0; column < choices.actions.size(); ++column)
        m_grid->addWidget(new QLabel(choices.actions.at(column), this), 0, column + 1, Qt::AlignCenter);
    for (int row = 0; row < choices.resources.size(); ++row) {
        const QString& resource = choices.resources.at(row);
        m_grid->addWidget(new QLabel(resource, this), row + 1, 0);
        for (int column = 0; column < choices.actions.size(); ++column) {
            const QString permission = resource + u':' + choices.actions.at(column);
            auto* box = new QCheckBox(this);
            box->setObjectName(QStringLiteral("permission_%1_%2").arg(resource, choices.actions.at(column)));
            box->setAccessibleName(permission);
            box->setEnabled(choices.grantable.contains(permission));
            connect(box, &QCheckBox::toggled, this, &TokenDialog::updateOk);
            m_grid->addWidget(box, row + 1, column + 1, Qt::AlignCenter);
            m_permissions.insert(permission, box);
        }
    }
}

QStringList TokenDialog::pickedPermissions() const
{
    QStringList picked;
    for (auto it = m_permissions.cbegin(); it != m_permissions.cend(); ++it) {
        if (it.value()->isChecked())
            picked.append(it.key());
    }
    picked.sort();
    return picked;
}

void TokenDialog::updateOk()
{
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty() && !pickedPermissions().isEmpty());
}

void TokenDialog::accept()
{
    m_ok->setEnabled(false);
    m_error->clear();
    TokenRequest request;
    request.name = m_name->text().trimmed();
    request.permissions = pickedPermissions();
    request.expiresAtMs = m_expires->isChecked() ? m_expiry->dateTime().toMSecsSinceEpoch() : 0;
    m_bridge.createToken(request, this, [this](const TokenCreation& creation) { finish(creation); });
}

void TokenDialog::finish(const TokenCreation& creation)
{
    if (!creation.result.ok) {
        m_error->setText(creation.result.message);
        updateOk();
        return;
    }
    // The secret's one appearance; the dialog is parented to the page, not to this dialog.
    auto* secret = new SecretDialog(creation.token.name, creation.secret, parentWidget());
    secret->open();
    QDialog::accept();
}
