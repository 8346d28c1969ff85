#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

class LoginChart;
class QLabel;
class ServerBridge;

// The first thing the operator sees: where the server listens, the certificate to check
// clients against, whether a password protects the encoder, how many sessions, tokens and
// locked addresses there are, and the last hour of logins.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPage(ServerBridge& bridge, QWidget* parent = nullptr);

private:
    void showStatus(const ServerStatus& status);
    QLabel* valueLabel(const QString& objectName);

    QLabel* m_state;
    QLabel* m_urls;
    QLabel* m_fingerprint;
    QLabel* m_auth;
    QLabel* m_sessions;
    QLabel* m_tokens;
    QLabel* m_lockouts;
    LoginChart* m_chart;
};
