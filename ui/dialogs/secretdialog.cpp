#include "secretdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SecretDialog::SecretDialog(const QString& tokenName, const QString& secret, QWidget* parent)
    : QDialog(parent), m_secret(new QLineEdit(secret, this))
{
    setObjectName(QStringLiteral("secretDialog"));
    setWindowTitle(tr("New API token"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_secret->setObjectName(QStringLiteral("tokenSecret"));
    m_secret->setReadOnly(true);
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 24);

    auto* warning = new QLabel(tr("<b>Copy this token now.</b> This is the only time it is shown: Gatehouse keeps "
                                  "only a hash of it and cannot show it again. Anyone who has it can use the "
                                  "encoder's API with the token's permissions, so store it like a password."),
                               this);
    warning->setObjectName(QStringLiteral("secretWarning"));
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5a3d00; padding: 8px; }"));

    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copySecret"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_secret->text()); });
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(copy);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* close = buttons->addButton(tr("I have stored it"), QDialogButtonBox::AcceptRole);
    close->setObjectName(QStringLiteral("secretDone"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Token \"%1\" was created.").arg(tokenName), this);
    title->setTextFormat(Qt::PlainText);
    layout->addWidget(title);
    layout->addLayout(secretRow);
    layout->addWidget(warning);
    layout->addWidget(buttons);
}

void SecretDialog::done(int result)
{
    m_secret->clear(); // the secret leaves the screen and the widget together
    QDialog::done(result);
}
