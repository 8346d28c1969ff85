#include "sessionspage.h"

#include "ui/dialogs/confirm.h"
#include "ui/models/sessionfilter.h"
#include "ui/models/sessionmodel.h"
#include "ui/serverbridge.h"
#include "ui/widgets/tablesetup.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

SessionsPage::SessionsPage(ServerBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new SessionModel(this)), m_filter(new SessionFilter(m_model, this)),
      m_view(TableSetup::create(QStringLiteral("sessionsView"), m_model, this)), m_filterEdit(new QLineEdit(this)),
      m_count(new QLabel(this)), m_revoke(new QPushButton(tr("Revoke session"), this)),
      m_revokeUser(new QPushButton(tr("Revoke all of user…"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("sessionsPage"));
    // Fixed column widths: sizing to contents would read every one of 100,000 rows.
    TableSetup::setWidths(m_view, {90, 60, 110, 215, 135, 135, 135});
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SessionsPage::updateButtons);

    m_filterEdit->setObjectName(QStringLiteral("sessionsFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by user or address"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &SessionsPage::applyFilter);
    m_count->setObjectName(QStringLiteral("sessionsCount"));
    m_message->setObjectName(QStringLiteral("sessionsMessage"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(buildButtons());
    layout->addWidget(m_message);

    connect(&bridge, &ServerBridge::sessionsOpened, m_model, &SessionModel::add);
    connect(&bridge, &ServerBridge::sessionsEnded, m_model, &SessionModel::remove);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &SessionsPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SessionsPage::updateCount);
    updateButtons();
    updateCount();
}

QHBoxLayout* SessionsPage::buildButtons()
{
    m_revoke->setObjectName(QStringLiteral("revokeSession"));
    m_revokeUser->setObjectName(QStringLiteral("revokeUserSessions"));
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshSessions"));
    connect(m_revoke, &QPushButton::clicked, this, &SessionsPage::revokeSelected);
    connect(m_revokeUser, &QPushButton::clicked, this, &SessionsPage::revokeUser);
    connect(refresh, &QPushButton::clicked, this, &SessionsPage::reload);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_revokeUser);
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    return buttons;
}

void SessionsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_requested)
        reload();
}

void SessionsPage::reload()
{
    m_requested = true;
    m_loading.start();
    m_count->setText(tr("Loading…"));
    m_bridge.fetchSessions(this, [this](QList<SessionInfo> sessions) {
        m_model->reset(std::move(sessions));
        emit loaded(m_loading.elapsed());
    });
}

void SessionsPage::applyFilter(const QString& text)
{
    m_filter->setText(text);
    const bool filtering = !text.trimmed().isEmpty();
    QAbstractItemModel* wanted = filtering ? static_cast<QAbstractItemModel*>(m_filter) : m_model;
    if (m_view->model() != wanted) {
        m_view->setModel(wanted);
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SessionsPage::updateButtons);
    }
    updateButtons();
    updateCount();
}

std::optional<SessionInfo> SessionsPage::selectedSession() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QString id = rows.first().data(SessionModel::IdRole).toString();
    const int row = m_model->rowOf(id);
    return row < 0 ? std::nullopt : std::optional<SessionInfo>(m_model->at(row));
}

void SessionsPage::updateButtons()
{
    const auto session = selectedSession();
    m_revoke->setEnabled(session.has_value());
    m_revokeUser->setEnabled(session.has_value());
    m_revokeUser->setText(session ? tr("Revoke all of %1…").arg(session->username) : tr("Revoke all of user…"));
}

void SessionsPage::updateCount()
{
    if (!m_model->isLoaded())
        return;
    const int shown = m_view->model()->rowCount();
    m_count->setText(shown == m_model->rowCount() ? tr("%n session(s)", nullptr, shown)
                                                  : tr("%1 of %2 sessions").arg(shown).arg(m_model->rowCount()));
    updateButtons();
}

void SessionsPage::revokeSelected()
{
    const auto session = selectedSession();
    if (!session)
        return;
    // One session is cheap to lose (its user logs in again): no confirmation in the way.
    m_bridge.revokeSession(session->id, this, [this, user = session->username](const OpResult& result) {
        report(result, tr("A session of %1 was revoked.").arg(user));
    });
}

void SessionsPage::revokeUser()
{
    const auto session = selectedSession();
    if (!session)
        return;
    Confirm::ask(this, QStringLiteral("confirmRevokeUser"), tr("End every session of %1?").arg(session->username),
                 tr("They are logged out everywhere and must log in again."), tr("Revoke all"),
                 [this, id = session->accountId, user = session->username] {
                     m_bridge.revokeSessionsOf(id, this, [this, user](const OpResult& result) {
                         report(result, tr("Every session of %1 was revoked.").arg(user));
                     });
                 });
}

void SessionsPage::report(const OpResult& result, const QString& success)
{
    m_message->setText(result.ok ? success : result.message);
}
