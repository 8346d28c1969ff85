#include "passwordfield.h"

#include "ui/serverbridge.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int DictionaryDelayMs = 250;
}

PasswordField::PasswordField(const QString& objectPrefix, QWidget* parent)
    : QWidget(parent), m_password(new QLineEdit(this)), m_confirm(new QLineEdit(this)), m_feedback(new QLabel(this)),
      m_debounce(new QTimer(this))
{
    m_password->setObjectName(objectPrefix + QStringLiteral("Password"));
    m_confirm->setObjectName(objectPrefix + QStringLiteral("Confirm"));
    m_feedback->setObjectName(objectPrefix + QStringLiteral("Feedback"));
    for (QLineEdit* edit : {m_password, m_confirm}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(ServerBridge::passwordRules().maxBytes);
        connect(edit, &QLineEdit::textChanged, this, &PasswordField::onEdited);
    }
    m_password->setPlaceholderText(
        tr("New password (at least %1 characters)").arg(ServerBridge::passwordRules().minCodePoints));
    m_confirm->setPlaceholderText(tr("The same password again"));
    m_feedback->setWordWrap(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DictionaryDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &PasswordField::checkDictionary);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_password);
    layout->addWidget(m_confirm);
    layout->addWidget(m_feedback);
    onEdited();
}

QString PasswordField::password() const
{
    return m_password->text();
}

void PasswordField::clear()
{
    m_password->clear();
    m_confirm->clear();
}

void PasswordField::focusPassword()
{
    m_password->setFocus();
}

void PasswordField::onEdited()
{
    ++m_generation;
    m_debounce->stop();
    setAcceptable(false);
    const QString password = m_password->text();
    if (password.isEmpty()) {
        show(tr("At least %1 characters; not a common password.").arg(ServerBridge::passwordRules().minCodePoints),
             false);
        return;
    }
    const OpResult length = ServerBridge::checkPasswordLength(password);
    if (!length.ok) {
        show(length.message, false);
        return;
    }
    if (m_confirm->text() != password) {
        show(tr("Long enough. Type it again below to confirm."), false);
        return;
    }
    show(tr("Checking against common passwords…"), false);
    m_debounce->start();
}

void PasswordField::checkDictionary()
{
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<OpResult>(this);
    connect(watcher, &QFutureWatcher<OpResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // the text changed meanwhile
        const OpResult check = watcher->result();
        show(check.ok ? tr("Good: long enough and not a common password.") : check.message, check.ok);
        setAcceptable(check.ok);
    });
    watcher->setFuture(ServerBridge::checkPassword(m_password->text()));
}

void PasswordField::show(const QString& text, bool good)
{
    m_feedback->setText(text);
    m_feedback->setStyleSheet(good ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #9a5b00;"));
}

void PasswordField::setAcceptable(bool acceptable)
{
    if (acceptable == m_acceptable)
        return;
    m_acceptable = acceptable;
    emit acceptableChanged(acceptable);
}
