#include "core/externalchangewatcher.h"

#include "storage/database.h"

ExternalChangeWatcher::ExternalChangeWatcher(Database& database, int intervalMs, QObject* parent)
    : QObject(parent), m_database(database), m_lastSeen(database.externalChangeCounter())
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ExternalChangeWatcher::poll);
    m_timer.start();
}

void ExternalChangeWatcher::poll()
{
    const qint64 counter = m_database.externalChangeCounter();
    if (counter < 0 || counter == m_lastSeen)
        return;
    m_lastSeen = counter;
    emit changed();
}
