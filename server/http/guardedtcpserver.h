#pragma once

#include "http/connectioncontext.h"

#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <memory>
#include <optional>

class ConnectionGuard;
class QSslSocket;

// Gatehouse's listening socket, handed to QHttpServer with bind(). It accepts each
// connection itself (TLS 1.2+ handshake under a deadline) and puts a ConnectionGuard on it,
// which serves its HTTP; only a connection whose WebSocket upgrade the guard accepted is
// handed to QHttpServer (as a pending connection). It caps connections in total and per client
// address: at a cap the oldest connection of that address (or of all, for the total cap)
// with no request in progress is closed to make room, so a thousand idle connections
// cannot lock anyone out; only when every connection is busy is the newcomer refused.
// One coarse timer enforces every connection's deadlines.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(std::shared_ptr<const ConnectionContext> context, QObject* parent = nullptr);
    ~GuardedTcpServer() override;

    void setTlsConfiguration(const QSslConfiguration& configuration) { m_tls = configuration; }
    int connectionCount() const { return int(m_guards.size()); }
    // The upgrading connection with this peer address and port and local port (a TCP
    // connection's identity): where a WebSocket that just completed its handshake runs.
    ConnectionGuard* upgradingGuard(const QHostAddress& peer, quint16 peerPort, quint16 localPort) const;

    // Stops accepting; idle connections close now, busy ones after their answers.
    void shutdown();
    // From a guard whose connection is going away: it no longer counts.
    void release(ConnectionGuard* guard);

protected:
    void incomingConnection(qintptr descriptor) override;

signals:
    // The last open connection has ended (the listener is idle until the next one).
    void lastConnectionClosed();

private:
    bool makeRoom(const QHostAddress& peer);
    ConnectionGuard* oldestIdle(const QHostAddress* peer) const;
    void startTls(QSslSocket* socket, ConnectionGuard* guard);
    void handOver(ConnectionGuard* guard);
    void sweep();

    std::shared_ptr<const ConnectionContext> m_context;
    std::optional<QSslConfiguration> m_tls;
    QHash<const QTcpSocket*, ConnectionGuard*> m_guards;
    QHash<QHostAddress, int> m_perAddress;
    quint64 m_accepted = 0;
    QTimer m_sweepTimer;
};
