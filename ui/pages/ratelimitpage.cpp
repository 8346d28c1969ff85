#include "ratelimitpage.h"

#include "ui/models/lockoutmodel.h"
#include "ui/models/ratelimiteventmodel.h"
#include "ui/serverbridge.h"
#include "ui/widgets/tablesetup.h"

#include <QComboBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int LockoutRefreshMs = 10'000; // lockouts also end without any signal

} // namespace

RateLimitPage::RateLimitPage(ServerBridge& bridge, QWidget* parent) : QWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("rateLimitPage"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("rateLimitMessage"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildLockouts());
    splitter->addWidget(buildEvents());
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({170, 480});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    connect(&bridge, &ServerBridge::ipLocked, m_lockouts, &LockoutModel::lock);
    connect(&bridge, &ServerBridge::ipUnlocked, m_lockouts, &LockoutModel::unlock);
    connect(&bridge, &ServerBridge::rateLimitEventsLogged, this, &RateLimitPage::receive);
    auto* tick = new QTimer(this);
    connect(tick, &QTimer::timeout, m_lockouts, &LockoutModel::tick);
    tick->start(1000);
    auto* refresh = new QTimer(this);
    connect(refresh, &QTimer::timeout, this, &RateLimitPage::reloadLockouts);
    refresh->start(LockoutRefreshMs);
    reloadLockouts();
    reloadEvents();
}

QWidget* RateLimitPage::buildLockouts()
{
    auto* box = new QGroupBox(tr("Locked addresses"), this);
    m_lockouts = new LockoutModel(this);
    m_lockoutTable = TableSetup::create(QStringLiteral("lockoutsTable"), m_lockouts, box);
    TableSetup::setWidths(m_lockoutTable, {200});
    m_unblock = new QPushButton(tr("Unblock"), box);
    m_unblock->setObjectName(QStringLiteral("unblockAddress"));
    connect(m_unblock, &QPushButton::clicked, this, &RateLimitPage::unblockSelected);
    connect(m_lockoutTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RateLimitPage::updateButtons);
    connect(m_lockouts, &QAbstractItemModel::rowsRemoved, this, &RateLimitPage::updateButtons);
    connect(m_lockouts, &QAbstractItemModel::modelReset, this, &RateLimitPage::updateButtons);
    auto* explanation = new QLabel(tr("An address is locked after too many failed logins; it may try again when "
                                      "the time runs out, or at once when you unblock it."),
                                   box);
    explanation->setWordWrap(true);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(explanation);
    layout->addWidget(m_lockoutTable, 1);
    layout->addWidget(m_unblock, 0, Qt::AlignLeft);
    updateButtons();
    return box;
}

QWidget* RateLimitPage::buildEvents()
{
    auto* box = new QGroupBox(tr("Rate-limit log"), this);
    m_events = new RateLimitEventModel(this);
    m_filter = new RateLimitFilter(m_events, this);
    m_address = new QLineEdit(box);
    m_address->setObjectName(QStringLiteral("rateLimitAddress"));
    m_address->setPlaceholderText(tr("Filter by address (e.g. 192.168.1.)"));
    m_address->setClearButtonEnabled(true);
    connect(m_address, &QLineEdit::textChanged, m_filter, &RateLimitFilter::setAddress);
    m_period = new QComboBox(box);
    m_period->setObjectName(QStringLiteral("rateLimitPeriod"));
    m_period->addItem(tr("Any time"), qint64(0));
    m_period->addItem(tr("Last 15 minutes"), qint64(15 * 60));
    m_period->addItem(tr("Last hour"), qint64(3600));
    m_period->addItem(tr("Last 24 hours"), qint64(24 * 3600));
    m_period->addItem(tr("Last 7 days"), qint64(7 * 24 * 3600));
    connect(m_period, &QComboBox::currentIndexChanged, this, &RateLimitPage::applyPeriod);
    auto* reload = new QPushButton(tr("Refresh"), box);
    reload->setObjectName(QStringLiteral("refreshRateLimit"));
    connect(reload, &QPushButton::clicked, this, &RateLimitPage::reloadEvents);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_address, 1);
    filters->addWidget(m_period);
    filters->addWidget(reload);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(filters);
    QTableView* events = TableSetup::create(QStringLiteral("rateLimitEvents"), m_filter, box);
    TableSetup::setWidths(events, {135, 120, 80, 70, 110});
    layout->addWidget(events, 1);
    return box;
}

// Events logged before a reload arrive before its answer (ControlPanel sends them first),
// so a reload replaces them and nothing is shown twice.
void RateLimitPage::receive(const QList<RateLimitEventInfo>& events)
{
    const QList<RateLimitEventInfo> newestFirst(events.crbegin(), events.crend());
    m_events->prepend(newestFirst, RateLimitEventModel::MaxRows);
    if (!events.isEmpty())
        m_newestEventMs = std::max(m_newestEventMs, events.constLast().atMs);
}

void RateLimitPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reloadLockouts();
    reloadEvents();
}

void RateLimitPage::reloadLockouts()
{
    m_bridge.fetchLockouts(this, [this](const QList<LockoutInfo>& lockouts) { m_lockouts->setLockouts(lockouts); });
}

void RateLimitPage::reloadEvents()
{
    m_bridge.fetchRateLimitEvents(RateLimitQuery{QString(), 0, RateLimitEventModel::MaxRows}, this,
                                  [this](const QList<RateLimitEventInfo>& events) {
                                      m_events->setRows(events);
                                      m_newestEventMs = events.isEmpty() ? 0 : events.constFirst().atMs;
                                      applyPeriod();
                                  });
}

// Periods count back from now on the server's clock as far as the panel knows it: the
// newest event, or this computer's clock if that is later.
void RateLimitPage::applyPeriod()
{
    const qint64 seconds = m_period->currentData().toLongLong();
    const qint64 now = std::max(m_newestEventMs, QDateTime::currentMSecsSinceEpoch());
    m_filter->setSinceMs(seconds == 0 ? 0 : now - seconds * 1000);
}

void RateLimitPage::updateButtons()
{
    m_unblock->setEnabled(m_lockoutTable->selectionModel()->hasSelection());
}

void RateLimitPage::unblockSelected()
{
    const QModelIndexList rows = m_lockoutTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString ip = m_lockouts->at(rows.first().row()).ip;
    m_bridge.unblock(ip, this, [this, ip](const OpResult& result) {
        m_message->setText(result.ok ? tr("%1 may log in again.").arg(ip) : result.message);
        if (result.ok)
            m_lockouts->unlock(ip);
    });
}
