#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

// A new password typed twice, with live feedback against the password policy: the length
// rules at each keystroke, the dictionary shortly after typing stops (on a worker thread,
// never on the GUI's event loop). The server checks again; this is for the operator.
class PasswordField : public QWidget
{
    Q_OBJECT

public:
    // Child object names: <prefix>Password, <prefix>Confirm, <prefix>Feedback.
    explicit PasswordField(const QString& objectPrefix, QWidget* parent = nullptr);

    QString password() const;
    bool isAcceptable() const { return m_acceptable; }
    void clear();
    void focusPassword();

signals:
    void acceptableChanged(bool acceptable);

private:
    void onEdited();
    void checkDictionary();
    void show(const QString& text, bool good);
    void setAcceptable(bool acceptable);

    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QLabel* m_feedback;
    QTimer* m_debounce;
    quint64 m_generation = 0; // results for an older text are dropped
    bool m_acceptable = false;
};
