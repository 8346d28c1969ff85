#pragma once

#include "http/connectioncontext.h"
#include "http/responder.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class GuardedTcpServer;
class QTcpSocket;
class RequestFramer;
class ResponseQueue;

// Stands in front of QHttpServer 6.4 on one connection (ARCHITECTURE.md, "QHttpServer 6.4
// and the connection guard"). Its first readyRead slot runs before QHttpServer's and frames
// the newly arrived bytes (RequestFramer); a refused request is answered by the guard
// itself, and QHttpServer is detached before it reads any of it. A second slot after
// QHttpServer's notes what it left unread (so each byte is framed exactly once) and hands
// it the rest of a pipelined batch, since 6.4 takes one request per readyRead. The guard
// also owns the connection's deadlines, its ResponseQueue and the graceful (lingering)
// close. After an accepted WebSocket upgrade it stops framing; the handshake must complete
// within the header deadline, and if QHttpServer serves the request as plain HTTP instead,
// the connection is dropped. The QWebSocket that results adopts the socket (adoptBy()) and
// the HTTP deadlines end; the connection still counts against the caps until the socket is
// gone, and may be evicted like an idle one. Every connection thus has a deadline or is
// evictable. Child of its socket.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    // `serial` orders connections by arrival (ties of idleSinceMs() go to the older one).
    ConnectionGuard(QTcpSocket* socket, const QHostAddress& peer, quint64 serial,
                    std::shared_ptr<const ConnectionContext> context, GuardedTcpServer* listener);
    ~ConnectionGuard() override;

    QTcpSocket* socket() const { return m_socket; }
    const QHostAddress& peer() const { return m_peer; }
    quint64 serial() const { return m_serial; }

    // Hand-over to QHttpServer: connectBefore() before addPendingConnection(), so this
    // guard's slot precedes QHttpServer's; connectAfter() once QHttpServer has connected.
    void connectBefore();
    void connectAfter(QObject* httpServer);

    // The Responder for the request QHttpServer is handing to a handler right now.
    Responder takeResponder(const QString& path);

    bool isBusy() const; // a request or a WebSocket handshake in progress: never evicted
    qint64 idleSinceMs() const;
    qint64 deadlineMs() const;

    void expire();   // its deadline passed
    void abort();    // close at once (failed handshake, deadline)
    void evict();    // make room for a newcomer (only when not busy)
    void shutdown(); // the server stops: answer what is framed, then close
    void detachListener() { m_listener = nullptr; }

    // From the ResponseQueue: the answer just written is the connection's last.
    void closeAfterResponse();

    // An accepted upgrade whose WebSocket handshake QHttpServer is running.
    bool isUpgrading() const { return m_phase == Phase::Upgrading; }
    // The handshake succeeded: `webSocket` owns the socket (and so this guard) from now on.
    void adoptBy(QObject* webSocket);

private:
    enum class Phase {
        Handshake,
        Http,
        Closing,
        Lingering,
        Upgrading,
        WebSocket
    };

    void onReadyRead();
    void onReadyReadAfter();
    void maybeStopReading();
    void stopReading();
    void discardInput();
    void checkWritten();
    void startLinger();
    bool isUpgraded() const { return m_phase == Phase::Upgrading || m_phase == Phase::WebSocket; }
    void closeUpgraded();
    void release();

    QTcpSocket* m_socket;
    QHostAddress m_peer;
    quint64 m_serial;
    std::shared_ptr<const ConnectionContext> m_context;
    GuardedTcpServer* m_listener;
    QObject* m_httpServer = nullptr;
    std::shared_ptr<ResponseQueue> m_queue;
    std::unique_ptr<RequestFramer> m_framer;

    Phase m_phase = Phase::Handshake;
    qint64 m_since = 0;        // start of the current phase (monotonic ms)
    qint64 m_unread = 0;       // bytes QHttpServer left in the socket after its last read
    bool m_discarding = false; // QHttpServer detached; input is read and dropped
    bool m_pumping = false;
};
