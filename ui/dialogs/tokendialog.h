#pragma once

#include "server/panel/panelvalues.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class ServerBridge;

// Creates an API token: a name, an optional expiry, and permissions picked from the
// declared resources — only those the operator holds can be ticked. On success the secret
// goes straight to a SecretDialog (its only appearance) and this dialog closes.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    TokenDialog(ServerBridge& bridge, QWidget* parent = nullptr);

    void accept() override;

private:
    QFormLayout* buildForm();
    QDialogButtonBox* buildButtons();
    void setChoices(const TokenChoices& choices);
    QStringList pickedPermissions() const;
    void updateOk();
    void finish(const TokenCreation& creation);

    ServerBridge& m_bridge;
    QLineEdit* m_name;
    QCheckBox* m_expires;
    QDateTimeEdit* m_expiry;
    QGridLayout* m_grid;
    QHash<QString, QCheckBox*> m_permissions; // "resource:action" -> its box
    QLabel* m_error;
    QPushButton* m_ok;
};
