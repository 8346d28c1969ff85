#pragma once

#include <QDialog>

class QLineEdit;

// Shows a new API token's secret, once. Gatehouse keeps only its keyed hash, so this
// dialog is the one and only place the secret appears: it says so, offers a copy button,
// and wipes the text when it closes.
class SecretDialog : public QDialog
{
    Q_OBJECT

public:
    SecretDialog(const QString& tokenName, const QString& secret, QWidget* parent = nullptr);

protected:
    void done(int result) override;

private:
    QLineEdit* m_secret;
};
