#include "tokenspage.h"

#include "ui/dialogs/confirm.h"
#include "ui/dialogs/tokendialog.h"
#include "ui/models/tokenmodel.h"
#include "ui/serverbridge.h"
#include "ui/widgets/tablesetup.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

TokensPage::TokensPage(ServerBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new TokenModel(this)),
      m_table(TableSetup::create(QStringLiteral("tokensTable"), m_model, this)),
      m_revoke(new QPushButton(tr("Revoke…"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("tokensPage"));
    TableSetup::setWidths(m_table, {150, 140, 200, 135, 100});
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TokensPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TokensPage::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TokensPage::updateButtons);

    auto* create = new QPushButton(tr("Create token…"), this);
    create->setObjectName(QStringLiteral("createToken"));
    m_revoke->setObjectName(QStringLiteral("revokeToken"));
    m_message->setObjectName(QStringLiteral("tokensMessage"));
    connect(create, &QPushButton::clicked, this, &TokensPage::createToken);
    connect(m_revoke, &QPushButton::clicked, this, &TokensPage::revokeToken);

    auto* intro = new QLabel(tr("API tokens let scripts and other systems use the encoder's API without a "
                                "password. Each token has its own permissions and can be revoked on its own."),
                             this);
    intro->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(&bridge, &ServerBridge::tokensCreated, this, &TokensPage::upsert);
    connect(&bridge, &ServerBridge::tokensUsed, this, &TokensPage::upsert);
    connect(&bridge, &ServerBridge::tokensRevoked, m_model, &TokenModel::removeIds);
    reload();
    updateButtons();
}

void TokensPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void TokensPage::reload()
{
    m_bridge.fetchTokens(this, [this](const QList<ApiTokenInfo>& tokens) { m_model->setRows(tokens); });
}

void TokensPage::upsert(const QList<ApiTokenInfo>& tokens)
{
    for (const ApiTokenInfo& token : tokens)
        m_model->upsert(token);
}

void TokensPage::updateButtons()
{
    m_revoke->setEnabled(m_table->selectionModel()->hasSelection());
}

void TokensPage::createToken()
{
    (new TokenDialog(m_bridge, this))->open();
}

void TokensPage::revokeToken()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const ApiTokenInfo token = m_model->at(rows.first().row());
    Confirm::ask(this, QStringLiteral("confirmRevokeToken"), tr("Revoke the token \"%1\"?").arg(token.name),
                 tr("Whatever uses it is refused from now on. This cannot be undone."), tr("Revoke"), [this, token] {
                     m_bridge.revokeToken(token.id, this, [this, name = token.name](const OpResult& result) {
                         m_message->setText(result.ok ? tr("Token \"%1\" was revoked.").arg(name) : result.message);
                     });
                 });
}
