#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

class OidcLinkModel;
class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class ServerBridge;

// OpenID Connect: the settings as configured (read-only: they come from gatehouse.conf and
// the environment), whether the provider's discovery document and keys are loaded, a button
// that fetches both again, and which accounts are linked to which provider.
class OidcPage : public QWidget
{
    Q_OBJECT

public:
    explicit OidcPage(ServerBridge& bridge, QWidget* parent = nullptr);

protected:
    // Reloads on every show: logins fetch keys, accounts come and go meanwhile.
    void showEvent(QShowEvent* event) override;

private:
    QGroupBox* buildSettings();
    QGroupBox* buildProvider();
    QGroupBox* buildLinks();
    QLabel* addValue(QFormLayout* form, const QString& label, const QString& objectName);
    void reload();
    void reloadLinks();
    void showStatus(const OidcPanelStatus& status);
    void testDiscovery();

    ServerBridge& m_bridge;
    QLabel* m_off = nullptr;
    QGroupBox* m_settings = nullptr;
    QGroupBox* m_provider = nullptr;
    QLabel* m_enabled = nullptr;
    QLabel* m_issuer = nullptr;
    QLabel* m_clientId = nullptr;
    QLabel* m_clientSecret = nullptr;
    QLabel* m_redirectUri = nullptr;
    QLabel* m_scopes = nullptr;
    QLabel* m_defaultRole = nullptr;
    QLabel* m_emailLinking = nullptr;
    QLabel* m_discovery = nullptr;
    QLabel* m_keys = nullptr;
    QLabel* m_lastError = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    OidcLinkModel* m_links = nullptr;
};
