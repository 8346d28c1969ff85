#pragma once

#include <QObject>
#include <QTimer>

class Database;

// Notices commits made by other processes — `gatehoused passwd` and the other
// administration commands acting on a running server's database — so the server's caches
// follow at once instead of at the next restart. Polls a counter the database keeps
// (SQLite's data_version: one cheap query a second, never on the request path).
class ExternalChangeWatcher : public QObject
{
    Q_OBJECT

public:
    ExternalChangeWatcher(Database& database, int intervalMs, QObject* parent = nullptr);

signals:
    void changed();

private:
    void poll();

    Database& m_database;
    QTimer m_timer;
    qint64 m_lastSeen = -1;
};
