#pragma once

#include "config/config.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

class Clock;
class Server;

// Runs a Server in a QThread of its own: the Server (and so its QHttpServer) is
// constructed inside that thread and never moved, as QHttpServer 6.4 requires.
struct ServerStartInfo
{
    bool ok = false;
    QString error;
    quint16 port = 0;
    QString url;
    QString fingerprint;
};

class ServerThread
{
public:
    ServerThread(Config config, std::shared_ptr<Clock> clock);
    ~ServerThread(); // stops the server and joins the thread

    // Starts the thread and waits until the server listens or failed to start.
    ServerStartInfo start();
    void stop();

    // The server object; call into it only through queued invocations (it lives in thread()).
    Server* server() const { return m_server; }
    QThread* thread() { return &m_thread; }

private:
    Config m_config;
    std::shared_ptr<Clock> m_clock;
    QThread m_thread;
    QObject m_context; // lives in m_thread: what start() and stop() run their work through
    Server* m_server = nullptr;
};
