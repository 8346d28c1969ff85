#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal through a self-pipe (the only async-signal-safe
// way): the handler just writes a byte; the event loop does the shutdown.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);

signals:
    void terminationRequested(int signal);

private:
    static void handle(int signal);

    QSocketNotifier* m_notifier = nullptr;
};
