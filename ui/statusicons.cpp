#include "statusicons.h"

#include "appicon.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace StatusIcons {

namespace {

QColor colourOf(State state)
{
    switch (state) {
    case State::Protected:
        return QColor(0x2e, 0x8b, 0x57);
    case State::AuthOff:
        return QColor(0xe0, 0x9b, 0x00);
    case State::UnderAttack:
        return QColor(0xc6, 0x28, 0x28);
    case State::Stopped:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QPixmap shield(int size, const QColor& colour, bool alert)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPainterPath path;
    path.moveTo(s * 0.5, s * 0.06);
    path.lineTo(s * 0.9, s * 0.2);
    path.cubicTo(s * 0.9, s * 0.6, s * 0.72, s * 0.82, s * 0.5, s * 0.95);
    path.cubicTo(s * 0.28, s * 0.82, s * 0.1, s * 0.6, s * 0.1, s * 0.2);
    path.closeSubpath();
    painter.setPen(QPen(colour.darker(140), s / 16));
    painter.setBrush(colour);
    painter.drawPath(path);
    painter.setPen(QPen(Qt::white, s / 10, Qt::SolidLine, Qt::RoundCap));
    if (alert) {
        painter.drawLine(QPointF(s * 0.5, s * 0.3), QPointF(s * 0.5, s * 0.58));
        painter.drawPoint(QPointF(s * 0.5, s * 0.74));
    } else {
        painter.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.45, s * 0.64));
        painter.drawLine(QPointF(s * 0.45, s * 0.64), QPointF(s * 0.68, s * 0.36));
    }
    return pixmap;
}

} // namespace

State stateOf(const ServerStatus& status)
{
    if (!status.listening)
        return State::Stopped;
    if (status.underAttack)
        return State::UnderAttack;
    return status.authEnabled ? State::Protected : State::AuthOff;
}

QIcon icon(State state)
{
    const QIcon application = AppIcon::icon();
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap = application.pixmap(size, size);
        QPainter painter(&pixmap);
        const int badge = (size * 5 + 8) / 9; // a little over half: still readable at 16 px
        painter.drawPixmap(size - badge, size - badge, shield(badge, colourOf(state), state != State::Protected));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString describe(State state)
{
    switch (state) {
    case State::Protected:
        return QCoreApplication::translate("StatusIcons", "Gatehouse is serving; a password protects the encoder");
    case State::AuthOff:
        return QCoreApplication::translate("StatusIcons", "Gatehouse is serving WITHOUT a password");
    case State::UnderAttack:
        return QCoreApplication::translate("StatusIcons", "Login attack in progress: addresses are being locked out");
    case State::Stopped:
        break;
    }
    return QCoreApplication::translate("StatusIcons", "Gatehouse is not serving");
}

} // namespace StatusIcons
