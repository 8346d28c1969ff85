#include "http/connectionguard.h"

#include "core/metrics.h"
#include "http/guardedtcpserver.h"
#include "http/httplog.h"
#include "http/requestframer.h"
#include "http/responsequeue.h"

#include <QSslSocket>

#include <sys/socket.h>

#include <algorithm>
#include <limits>

namespace {

constexpr qint64 LingerMs = 2000;
constexpr qint64 NoDeadline = std::numeric_limits<qint64>::max();

QString messageFor(int status)
{
    switch (status) {
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not found");
    case 413:
        return QStringLiteral("Request body too large");
    case 429:
        return QStringLiteral("Too many pipelined requests");
    case 431:
        return QStringLiteral("Request header fields too large");
    default:
        return QStringLiteral("Malformed request");
    }
}

// One scratch buffer per thread for peeking: a connection keeps no copy of its input.
QByteArray& peekBuffer()
{
    thread_local QByteArray buffer;
    return buffer;
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const QHostAddress& peer, quint64 serial,
                                 std::shared_ptr<const ConnectionContext> context, GuardedTcpServer* listener)
    : QObject(socket), m_socket(socket), m_peer(peer), m_serial(serial), m_context(std::move(context)),
      m_listener(listener), m_queue(std::make_shared<ResponseQueue>(this, m_context)),
      m_framer(std::make_unique<RequestFramer>(m_context->limits, *m_queue, m_context->upgradeHook)),
      m_since(monotonicMs())
{}

ConnectionGuard::~ConnectionGuard()
{
    release();
}

void ConnectionGuard::start()
{
    m_phase = Phase::Http;
    m_since = monotonicMs();
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    // The socket's end is its own (not cut by the linger's disconnect from this guard); after
    // an upgrade, QHttpServer's WebSocket side decides it.
    connect(m_socket, &QAbstractSocket::disconnected, m_socket, &QObject::deleteLater);
}

bool ConnectionGuard::isBusy() const
{
    if (m_phase == Phase::Upgrading)
        return true; // mid-handshake: bounded by its deadline
    return m_phase == Phase::Http && (m_framer->inRequest() || m_queue->outstanding() > 0);
}

qint64 ConnectionGuard::idleSinceMs() const
{
    switch (m_phase) {
    case Phase::Handshake:
    case Phase::Upgrading:
    case Phase::WebSocket:
        return m_since;
    case Phase::Http:
        return std::max(m_since, m_queue->idleSinceMs());
    case Phase::Closing:
    case Phase::Lingering:
        break;
    }
    return 0; // closing anyway: the first to go
}

qint64 ConnectionGuard::deadlineMs() const
{
    const ConnectionLimits& limits = m_context->limits;
    switch (m_phase) {
    case Phase::Handshake:
        return m_since + limits.handshakeTimeoutMs;
    case Phase::Closing:
        return m_since + limits.idleTimeoutMs;
    case Phase::Lingering:
        return m_since + std::min<qint64>(LingerMs, limits.idleTimeoutMs);
    case Phase::Upgrading:
        // QHttpServer 6.4's WebSocket server stops its own handshake timer at the first
        // readyRead, so the handshake gets the header deadline here.
        return m_since + limits.headerTimeoutMs;
    case Phase::WebSocket:
        // No longer HTTP: the header and idle deadlines must not cut a live stream, whose end
        // its owner decides (and which stays evictable).
        return NoDeadline;
    case Phase::Http:
        break;
    }
    // A request (line, headers and its at most 64 KiB body) must arrive within the header
    // deadline of its first byte, and the first request within that of the connect.
    if (m_framer->inRequest())
        return m_framer->requestStartMs() + limits.headerTimeoutMs;
    if (m_queue->outstanding() > 0)
        return NoDeadline; // the server's turn
    if (m_queue->framedCount() == 0)
        return m_since + limits.headerTimeoutMs;
    return m_queue->idleSinceMs() + limits.idleTimeoutMs;
}

void ConnectionGuard::expire()
{
    if (m_phase == Phase::WebSocket)
        return; // never due (deadlineMs())
    if (m_phase == Phase::Upgrading) {
        qCInfo(lcHttp) << "WebSocket handshake not completed in time; dropping connection from" << m_peer;
        abort();
        return;
    }
    if (m_phase == Phase::Http && !m_framer->inRequest()) {
        qCDebug(lcHttp) << "closing idle connection from" << m_peer;
        release();
        m_socket->disconnectFromHost();
        return;
    }
    const char* stage = m_phase == Phase::Handshake ? "(TLS handshake)"
        : m_framer->inRequest()                     ? "(request)"
                                                    : "(closing)";
    qCInfo(lcHttp) << "deadline passed; dropping connection from" << m_peer << stage;
    abort();
}

void ConnectionGuard::abort()
{
    if (m_phase == Phase::Handshake && m_context->metrics)
        m_context->metrics->tlsHandshakeFailure(); // an error, a timeout or a client that gave up
    release();
    m_socket->abort();
    m_socket->deleteLater();
}

void ConnectionGuard::evict()
{
    qCDebug(lcHttp) << "evicting the oldest idle connection of" << m_peer;
    if (isUpgraded()) {
        closeUpgraded();
        return;
    }
    if (m_phase != Phase::Http) {
        abort();
        return;
    }
    release();
    m_socket->disconnectFromHost();
}

void ConnectionGuard::shutdown()
{
    if (isUpgraded()) {
        closeUpgraded();
        return;
    }
    if (m_phase == Phase::Handshake) {
        abort();
        return;
    }
    if (m_phase != Phase::Http)
        return;
    m_framer->stop();
    if (m_queue->outstanding() == 0) {
        release();
        m_socket->disconnectFromHost();
        return;
    }
    m_queue->closeAfterLastFramed();
    maybeStopReading();
}

void ConnectionGuard::release()
{
    if (GuardedTcpServer* listener = std::exchange(m_listener, nullptr))
        listener->release(this);
}

void ConnectionGuard::onReadyRead()
{
    if (isUpgraded())
        return; // the bytes belong to the WebSocket handshake and frames
    if (m_phase != Phase::Http || m_discarding) {
        discardInput();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_unread;
    if (fresh <= 0 || m_framer->isStopped())
        return;
    // Peeked, not read: an upgrade request must stay in the socket for QHttpServer.
    QByteArray& buffer = peekBuffer();
    if (buffer.size() < available)
        buffer.resize(available);
    if (m_socket->peek(buffer.data(), available) != available) {
        m_framer->refuse(400, "unreadable input");
    } else {
        m_framer->feed(buffer.constData() + (available - fresh), fresh);
    }
    if (buffer.size() > 64 * 1024)
        buffer = QByteArray();
    if (m_framer->isUpgraded()) {
        handOverUpgrade();
        return;
    }
    // Whole requests leave the socket; a partial one stays until the rest arrives.
    const qint64 whole = m_framer->requestEnd() - m_consumed;
    if (whole > 0)
        m_socket->skip(whole);
    m_consumed += whole;
    m_unread = available - whole;
    answer(m_framer->takeRequests());
    // Only while no answer is pending, which it would overtake (RFC 9110, 10.1.1); otherwise
    // the client sends its body after its own wait.
    if (m_framer->takeContinue() && m_framer->inRequest() && m_queue->outstanding() == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (m_framer->isStopped())
        maybeStopReading();
}

void ConnectionGuard::answer(std::vector<HttpRequest> requests)
{
    for (HttpRequest& request : requests) {
        request.peer = m_peer;
        request.overTls = m_context->tls;
        const quint64 slot = m_queue->reserve(request.path);
        if (m_context->dispatch)
            m_context->dispatch(request, Responder(m_queue, slot));
        else
            m_queue->sendError(slot, 404, messageFor(404));
    }
}

// QHttpServer reads the upgrade request (left in the socket) and, as 6.4 does for a
// WebSocket, disconnects every slot from the socket and hands it to its WebSocket server.
void ConnectionGuard::handOverUpgrade()
{
    m_phase = Phase::Upgrading;
    m_since = monotonicMs();
    qCDebug(lcHttp) << "WebSocket upgrade accepted from" << m_peer;
    emit upgradeAccepted();
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onUpgradeNotTaken);
    emit m_socket->readyRead();
}

// Still connected after QHttpServer's slot ran: it served the upgrade the guard accepted as
// plain HTTP (or not at all). The guard and QHttpServer disagree about what the connection
// is; it must not live on outside the HTTP deadlines as a WebSocket that never came (issue
// 11, finding 7).
void ConnectionGuard::onUpgradeNotTaken()
{
    if (m_phase != Phase::Upgrading)
        return;
    qCWarning(lcHttp) << "an accepted upgrade was not taken by the WebSocket server; dropping connection from"
                      << m_peer;
    abort();
}

// Once every request framed before the stop has its slot, nothing more is read: the error
// answer (if any) takes the next slot.
void ConnectionGuard::maybeStopReading()
{
    if (m_discarding || m_queue->reservedCount() < m_queue->framedCount())
        return;
    stopReading();
    const int status = m_framer->errorStatus();
    if (status == 0)
        return;
    qCInfo(lcHttp) << "refused a request from" << m_peer << "with" << status << m_framer->errorReason();
    m_queue->addFramed({.closeAfter = true, .http10 = false, .head = false});
    const quint64 slot = m_queue->reserve(m_framer->targetPath());
    m_queue->sendError(slot, status, messageFor(status));
}

void ConnectionGuard::stopReading()
{
    if (m_discarding)
        return;
    m_discarding = true;
    discardInput();
}

void ConnectionGuard::discardInput()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0)
        m_socket->skip(available);
    m_unread = 0;
}

void ConnectionGuard::closeAfterResponse()
{
    if (m_phase != Phase::Http)
        return;
    m_framer->stop();
    stopReading();
    m_phase = Phase::Closing;
    m_since = monotonicMs();
    // QSslSocket emits bytesWritten before the encrypted bytes leave for the network.
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &ConnectionGuard::checkWritten);
    else
        connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::checkWritten);
    checkWritten();
}

void ConnectionGuard::checkWritten()
{
    if (m_phase != Phase::Closing || m_socket->bytesToWrite() > 0)
        return;
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket); ssl && ssl->encryptedBytesToWrite() > 0)
        return;
    startLinger();
}

// Half-close, then read and drop what the client still sends until it closes too (or the
// linger deadline passes): closing outright with unread input makes the kernel answer with
// a reset, which can destroy the answer before the client has read it.
void ConnectionGuard::startLinger()
{
    m_phase = Phase::Lingering;
    m_since = monotonicMs();
    disconnect(m_socket, nullptr, this, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::discardInput);
    const qintptr descriptor = m_socket->socketDescriptor();
    if (m_socket->state() != QAbstractSocket::ConnectedState || descriptor < 0) {
        abort();
        return;
    }
    ::shutdown(int(descriptor), SHUT_WR);
    discardInput();
}

void ConnectionGuard::adoptBy(QObject* webSocket)
{
    m_phase = Phase::WebSocket;
    m_since = monotonicMs();
    // QWebSocket uses the socket without owning it; as its child the socket lives exactly
    // as long as the WebSocket, and deleting the WebSocket releases this connection.
    m_socket->setParent(webSocket);
}

// The socket belongs to the WebSocket side now: closing it is enough, its owner deletes it
// when it sees the disconnect (deleting it here would leave QWebSocket a dangling pointer).
void ConnectionGuard::closeUpgraded()
{
    release();
    m_socket->disconnectFromHost();
}
