#pragma once

#include "http/connectioncontext.h"
#include "http/httprequest.h"
#include "http/responder.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <vector>

class GuardedTcpServer;
class QTcpSocket;
class RequestFramer;
class ResponseQueue;

// Serves one connection's HTTP (ARCHITECTURE.md, "QHttpServer 6.4 and the connection guard";
// docs/DESIGN-NOTES.md). Its readyRead slot frames the newly arrived bytes (RequestFramer),
// takes every request framed whole out of the socket and hands it to the context's
// dispatcher with a Responder; a refused request is answered by the guard itself. QHttpServer
// 6.4 sees a connection only once the guard accepted a WebSocket upgrade on it: then the
// listener hands the socket over (upgradeAccepted()) with the upgrade request still unread,
// and the guard stops framing; the handshake must complete within the header deadline, and
// if QHttpServer serves the request as plain HTTP instead, the connection is dropped. The
// guard also owns the connection's deadlines, its ResponseQueue and the graceful (lingering)
// close. The QWebSocket that results adopts the socket (adoptBy()) and
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

    // The connection is ready for HTTP (after the TLS handshake): the guard starts reading.
    void start();

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

signals:
    // An upgrade was accepted: the socket must reach QHttpServer's readyRead now (the guard
    // has the upgrade request read once it returns).
    void upgradeAccepted();

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
    void answer(std::vector<HttpRequest> requests);
    void handOverUpgrade();
    void onUpgradeNotTaken();
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
    std::shared_ptr<ResponseQueue> m_queue;
    std::unique_ptr<RequestFramer> m_framer;

    Phase m_phase = Phase::Handshake;
    qint64 m_since = 0;        // start of the current phase (monotonic ms)
    qint64 m_unread = 0;       // bytes framed already but left in the socket (a partial request)
    qint64 m_consumed = 0;     // bytes taken out of the socket as whole requests
    bool m_discarding = false; // no more requests: input is read and dropped
};
