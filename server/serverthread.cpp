#include "serverthread.h"

#include "core/clock.h"
#include "server.h"

#include <QMetaObject>

ServerThread::ServerThread(Config config, std::shared_ptr<Clock> clock)
    : m_config(std::move(config)), m_clock(std::move(clock))
{
    m_thread.setObjectName(QStringLiteral("gatehouse-server"));
    m_context.moveToThread(&m_thread);
}

ServerThread::~ServerThread()
{
    stop();
}

ServerStartInfo ServerThread::start()
{
    m_thread.start();
    ServerStartInfo info;
    // The Server is constructed inside its thread; the caller waits only for start-up.
    QMetaObject::invokeMethod(
        &m_context,
        [this, &info] {
            m_server = new Server(m_config, m_clock);
            info.ok = m_server->start(&info.error);
            info.port = m_server->port();
            info.url = m_server->url();
            info.fingerprint = m_server->certificateFingerprint();
        },
        Qt::BlockingQueuedConnection);
    return info;
}

void ServerThread::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_server) {
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                delete m_server; // stops, flushes and closes in its own thread
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}
