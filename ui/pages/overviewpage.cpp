#include "overviewpage.h"

#include "ui/serverbridge.h"
#include "ui/widgets/loginchart.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

OverviewPage::OverviewPage(ServerBridge& bridge, QWidget* parent)
    : QWidget(parent), m_state(valueLabel(QStringLiteral("overviewState"))),
      m_urls(valueLabel(QStringLiteral("overviewUrls"))),
      m_fingerprint(valueLabel(QStringLiteral("overviewFingerprint"))),
      m_auth(valueLabel(QStringLiteral("overviewAuth"))), m_sessions(valueLabel(QStringLiteral("overviewSessions"))),
      m_tokens(valueLabel(QStringLiteral("overviewTokens"))),
      m_lockouts(valueLabel(QStringLiteral("overviewLockouts"))), m_chart(new LoginChart(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    QFont big = m_state->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_state->setFont(big);
    m_fingerprint->setFont(QFont(QStringLiteral("monospace")));
    m_fingerprint->setWordWrap(true);

    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyFingerprint"));
    copy->setToolTip(tr("Copy the certificate fingerprint, to check it on a client"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_fingerprint->text()); });
    auto* fingerprintRow = new QHBoxLayout;
    fingerprintRow->addWidget(m_fingerprint, 1);
    fingerprintRow->addWidget(copy, 0, Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("Address"), m_urls);
    form->addRow(tr("Certificate (SHA-256)"), fingerprintRow);
    form->addRow(tr("Authentication"), m_auth);
    form->addRow(tr("Active sessions"), m_sessions);
    form->addRow(tr("API tokens"), m_tokens);
    form->addRow(tr("Locked addresses"), m_lockouts);

    auto* chartBox = new QGroupBox(tr("Logins in the last hour"), this);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->addWidget(m_chart);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addLayout(form);
    layout->addWidget(chartBox, 1);

    connect(&bridge, &ServerBridge::statusChanged, this, &OverviewPage::showStatus);
    connect(&bridge, &ServerBridge::loginActivityChanged, m_chart, &LoginChart::setActivity);
    bridge.fetchStatus(this, [this](const ServerStatus& status) { showStatus(status); });
    bridge.fetchLoginActivity(m_chart, [this](const LoginActivity& activity) { m_chart->setActivity(activity); });
}

QLabel* OverviewPage::valueLabel(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void OverviewPage::showStatus(const ServerStatus& status)
{
    if (!status.listening)
        m_state->setText(tr("Not serving"));
    else if (status.underAttack)
        m_state->setText(tr("Serving — login attack in progress"));
    else if (!status.authEnabled)
        m_state->setText(tr("Serving — NOT protected by a password"));
    else
        m_state->setText(tr("Serving, protected"));
    m_urls->setText(status.urls.join(u'\n'));
    m_fingerprint->setText(status.fingerprint.isEmpty() ? tr("none (plain HTTP)") : status.fingerprint);
    if (status.setupRequired)
        m_auth->setText(tr("Off — the API refuses requests until a device password is set"));
    else
        m_auth->setText(status.authEnabled ? tr("On") : tr("Off — anyone on the network can use the encoder"));
    m_sessions->setText(QString::number(status.sessionCount));
    m_tokens->setText(QString::number(status.tokenCount));
    m_lockouts->setText(QString::number(status.lockedIpCount));
}
