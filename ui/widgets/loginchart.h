#pragma once

#include "server/panel/panelvalues.h"

#include <QWidget>

// Successful and failed logins per minute over the last hour, as two sets of bars drawn
// with QPainter: meant to be glanced at (a red wall means an attack), not read.
class LoginChart : public QWidget
{
    Q_OBJECT

public:
    explicit LoginChart(QWidget* parent = nullptr);

    void setActivity(const LoginActivity& activity);
    const LoginActivity& activity() const { return m_activity; }

    QSize sizeHint() const override { return {560, 220}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int maxPerMinute() const;
    void drawAxes(QPainter& painter, const QRectF& plot, int maximum) const;
    void drawBars(QPainter& painter, const QRectF& plot, int maximum) const;
    void drawLegend(QPainter& painter, const QRectF& area) const;

    LoginActivity m_activity;
};
