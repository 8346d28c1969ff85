#include "livelogpage.h"

#include "ui/models/auditmodel.h"
#include "ui/serverbridge.h"
#include "ui/widgets/tablesetup.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {
constexpr int InitialEvents = 500;
}

LiveLogPage::LiveLogPage(ServerBridge& bridge, QWidget* parent)
    : QWidget(parent), m_model(new AuditModel(this)), m_filter(new AuditFilter(m_model, this)),
      m_view(TableSetup::create(QStringLiteral("liveLogView"), m_filter, this)), m_filterEdit(new QLineEdit(this)),
      m_pause(new QPushButton(tr("Pause"), this)), m_heldBack(new QLabel(this))
{
    setObjectName(QStringLiteral("liveLogPage"));
    TableSetup::setWidths(m_view, {135, 140, 90, 110});
    m_filterEdit->setObjectName(QStringLiteral("liveLogFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter: words that must all appear (event, user, address, detail)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &AuditFilter::setText);
    m_pause->setObjectName(QStringLiteral("liveLogPause"));
    m_pause->setCheckable(true);
    connect(m_pause, &QPushButton::toggled, this, &LiveLogPage::setPaused);
    m_heldBack->setObjectName(QStringLiteral("liveLogHeldBack"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_heldBack);
    top->addWidget(m_pause);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(&bridge, &ServerBridge::auditEventsRecorded, this, &LiveLogPage::receive);
    bridge.fetchAuditEvents(InitialEvents, this, [this](const QList<AuditEventInfo>& events) {
        m_model->setRows(events);
        m_loaded = true;
    });
}

// Events recorded before the history was read arrive before it (ControlPanel sends them
// first) and are in it; everything after it is new.
void LiveLogPage::receive(const QList<AuditEventInfo>& events)
{
    if (!m_loaded)
        return;
    const QList<AuditEventInfo> newestFirst(events.crbegin(), events.crend());
    if (m_paused) {
        m_pending = newestFirst + m_pending;
        if (m_pending.size() > AuditModel::MaxRows)
            m_pending.resize(AuditModel::MaxRows);
        updateHeldBack();
        return;
    }
    m_model->prepend(newestFirst, AuditModel::MaxRows);
}

void LiveLogPage::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused && !m_pending.isEmpty())
        m_model->prepend(std::exchange(m_pending, {}), AuditModel::MaxRows);
    updateHeldBack();
}

void LiveLogPage::updateHeldBack()
{
    m_heldBack->setText(m_pending.isEmpty() ? QString()
                                            : tr("%n new event(s) held back", nullptr, int(m_pending.size())));
}
