#include "loginchart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {
const QColor SuccessColor(0x2e, 0x8b, 0x57);
const QColor FailureColor(0xc6, 0x28, 0x28);
constexpr int Margin = 8;
constexpr int AxisWidth = 36;
constexpr int LabelHeight = 18;
} // namespace

LoginChart::LoginChart(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("loginChart"));
    setAccessibleName(tr("Logins over the last hour"));
    m_activity.successes.fill(0, LoginActivity::Minutes);
    m_activity.failures.fill(0, LoginActivity::Minutes);
}

void LoginChart::setActivity(const LoginActivity& activity)
{
    m_activity = activity;
    update();
}

int LoginChart::maxPerMinute() const
{
    int maximum = 0;
    for (int i = 0; i < m_activity.successes.size() && i < m_activity.failures.size(); ++i)
        maximum = std::max({maximum, m_activity.successes.at(i), m_activity.failures.at(i)});
    return std::max(maximum, 4); // an idle hour still has a scale
}

void LoginChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    const QRectF area = QRectF(rect()).adjusted(Margin, Margin, -Margin, -Margin);
    const QRectF plot = area.adjusted(AxisWidth, LabelHeight, 0, -LabelHeight);
    const int maximum = maxPerMinute();
    drawAxes(painter, plot, maximum);
    drawBars(painter, plot, maximum);
    drawLegend(painter, area);
}

void LoginChart::drawAxes(QPainter& painter, const QRectF& plot, int maximum) const
{
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    painter.setPen(palette().color(QPalette::Text));
    const QRectF topLabel(plot.left() - AxisWidth, plot.top() - LabelHeight / 2.0, AxisWidth - 4, LabelHeight);
    painter.drawText(topLabel, Qt::AlignRight | Qt::AlignVCenter, QString::number(maximum));
    const QRectF zeroLabel(plot.left() - AxisWidth, plot.bottom() - LabelHeight / 2.0, AxisWidth - 4, LabelHeight);
    painter.drawText(zeroLabel, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const QRectF bottom(plot.left(), plot.bottom() + 2, plot.width(), LabelHeight);
    painter.drawText(bottom, Qt::AlignLeft | Qt::AlignTop, tr("60 min ago"));
    painter.drawText(bottom, Qt::AlignHCenter | Qt::AlignTop, tr("30 min ago"));
    painter.drawText(bottom, Qt::AlignRight | Qt::AlignTop, tr("now"));
}

// Each minute gets a slot with two bars side by side: successes left, failures right.
void LoginChart::drawBars(QPainter& painter, const QRectF& plot, int maximum) const
{
    const int minutes = int(std::min(m_activity.successes.size(), m_activity.failures.size()));
    if (minutes == 0)
        return;
    const qreal slot = plot.width() / minutes;
    const qreal bar = std::max<qreal>(1.0, slot * 0.4);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < minutes; ++i) {
        const qreal x = plot.left() + i * slot + slot * 0.1;
        const qreal ok = plot.height() * m_activity.successes.at(i) / maximum;
        const qreal failed = plot.height() * m_activity.failures.at(i) / maximum;
        painter.setBrush(SuccessColor);
        painter.drawRect(QRectF(x, plot.bottom() - ok, bar, ok));
        painter.setBrush(FailureColor);
        painter.drawRect(QRectF(x + bar, plot.bottom() - failed, bar, failed));
    }
}

void LoginChart::drawLegend(QPainter& painter, const QRectF& area) const
{
    int successes = 0;
    int failures = 0;
    for (const int n : m_activity.successes)
        successes += n;
    for (const int n : m_activity.failures)
        failures += n;
    const QList<std::pair<QColor, QString>> entries{
        {SuccessColor, tr("Successful logins: %1").arg(successes)},
        {FailureColor, tr("Failed logins: %1").arg(failures)},
    };
    qreal x = area.left() + AxisWidth;
    const QFontMetricsF metrics(font());
    for (const auto& [color, text] : entries) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRect(QRectF(x, area.top() + 4, 10, 10));
        painter.setPen(palette().color(QPalette::Text));
        const QRectF label(x + 14, area.top(), metrics.horizontalAdvance(text) + 4, LabelHeight);
        painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, text);
        x = label.right() + 16;
    }
}
