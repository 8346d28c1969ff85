#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Measures how promptly this thread's event loop answers: a precise timer asks to run
// every few milliseconds, and the longest gap between two runs is how long the loop was
// unable to answer anything (a click, a repaint) at worst.
class EventLoopProbe : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopProbe(int intervalMs = 5, QObject* parent = nullptr);

    void start();
    void stop();
    qint64 maxGapMs() const { return m_maxGapNs / 1'000'000; }
    double maxGapMsExact() const { return double(m_maxGapNs) / 1e6; }
    int ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
    int m_ticks = 0;
};
