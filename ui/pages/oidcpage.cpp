#include "oidcpage.h"

#include "ui/models/oidclinkmodel.h"
#include "ui/serverbridge.h"
#include "ui/widgets/tablesetup.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

OidcPage::OidcPage(ServerBridge& bridge, QWidget* parent) : QWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("oidcPage"));
    m_off = new QLabel(tr("OpenID Connect is off. To turn it on, set oidc_issuer (with the client id and "
                          "secret) in gatehouse.conf and restart; docs/OIDC.md explains each setting."),
                       this);
    m_off->setObjectName(QStringLiteral("oidcOff"));
    m_off->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_off);
    layout->addWidget(buildSettings());
    layout->addWidget(buildProvider());
    layout->addWidget(buildLinks(), 1);
    // Until the server says whether OpenID Connect is on.
    m_off->hide();
    m_settings->hide();
    m_provider->hide();

    connect(&bridge, &ServerBridge::accountsChanged, this, &OidcPage::reloadLinks);
    reload();
}

QLabel* OidcPage::addValue(QFormLayout* form, const QString& label, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(label, value);
    return value;
}

QGroupBox* OidcPage::buildSettings()
{
    m_settings = new QGroupBox(tr("Settings (from gatehouse.conf and the environment)"), this);
    auto* form = new QFormLayout(m_settings);
    m_enabled = addValue(form, tr("OpenID Connect"), QStringLiteral("oidcEnabled"));
    m_issuer = addValue(form, tr("Issuer"), QStringLiteral("oidcIssuer"));
    m_clientId = addValue(form, tr("Client ID"), QStringLiteral("oidcClientId"));
    m_clientSecret = addValue(form, tr("Client secret"), QStringLiteral("oidcClientSecret"));
    m_redirectUri = addValue(form, tr("Redirect URI"), QStringLiteral("oidcRedirectUri"));
    m_scopes = addValue(form, tr("Scopes"), QStringLiteral("oidcScopes"));
    m_defaultRole = addValue(form, tr("Role of new accounts"), QStringLiteral("oidcDefaultRole"));
    m_emailLinking = addValue(form, tr("Link by verified email"), QStringLiteral("oidcEmailLinking"));
    return m_settings;
}

QGroupBox* OidcPage::buildProvider()
{
    m_provider = new QGroupBox(tr("Provider"), this);
    auto* form = new QFormLayout(m_provider);
    m_discovery = addValue(form, tr("Discovery document"), QStringLiteral("oidcDiscovery"));
    m_keys = addValue(form, tr("Signing keys"), QStringLiteral("oidcKeys"));
    m_lastError = addValue(form, tr("Last error"), QStringLiteral("oidcLastError"));

    m_test = new QPushButton(tr("Test discovery"), m_provider);
    m_test->setObjectName(QStringLiteral("oidcTestDiscovery"));
    m_test->setToolTip(tr("Fetch the provider's discovery document and signing keys again now"));
    connect(m_test, &QPushButton::clicked, this, &OidcPage::testDiscovery);
    m_testResult = new QLabel(m_provider);
    m_testResult->setObjectName(QStringLiteral("oidcTestResult"));
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_test);
    row->addWidget(m_testResult, 1);
    form->addRow(row);
    return m_provider;
}

QGroupBox* OidcPage::buildLinks()
{
    auto* box = new QGroupBox(tr("Linked accounts"), this);
    m_links = new OidcLinkModel(this);
    QTableView* table = TableSetup::create(QStringLiteral("oidcLinksTable"), m_links, box);
    TableSetup::setWidths(table, {150, 280, 220});
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(table);
    return box;
}

void OidcPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void OidcPage::reload()
{
    m_bridge.fetchOidcStatus(this, [this](const OidcPanelStatus& status) { showStatus(status); });
    reloadLinks();
}

void OidcPage::reloadLinks()
{
    m_bridge.fetchOidcLinks(this, [this](const QList<OidcLinkInfo>& links) { m_links->setRows(links); });
}

void OidcPage::showStatus(const OidcPanelStatus& status)
{
    m_off->setVisible(!status.enabled);
    m_settings->setVisible(status.enabled);
    m_provider->setVisible(status.enabled);
    m_enabled->setText(status.enabled ? tr("On") : tr("Off"));
    m_issuer->setText(status.issuer);
    m_clientId->setText(status.clientId);
    m_clientSecret->setText(status.clientSecretSet ? tr("set") : tr("not set"));
    m_redirectUri->setText(status.redirectUri);
    m_scopes->setText(status.scopes);
    m_defaultRole->setText(status.defaultRole);
    m_emailLinking->setText(status.linkVerifiedEmail ? tr("on") : tr("off"));
    m_discovery->setText(status.discoveryLoaded ? tr("loaded") : tr("not loaded"));
    m_keys->setText(QString::number(status.keyCount));
    m_lastError->setText(status.lastError.isEmpty() ? tr("none") : status.lastError);
}

void OidcPage::testDiscovery()
{
    // The answer may take up to 10 s per fetch when the provider does not answer: the page
    // stays usable, the button waits.
    m_test->setEnabled(false);
    m_test->setText(tr("Testing…"));
    m_testResult->setText(tr("Fetching the discovery document and the signing keys…"));
    m_bridge.testOidcDiscovery(this, [this](const OidcPanelStatus& status) {
        showStatus(status);
        m_test->setText(tr("Test discovery"));
        m_test->setEnabled(true);
        const bool ok = status.discoveryLoaded && status.keyCount > 0;
        m_testResult->setText(ok ? tr("Discovery document and %1 signing key(s) loaded.").arg(status.keyCount)
                                 : tr("Failed: %1").arg(status.lastError));
    });
}
