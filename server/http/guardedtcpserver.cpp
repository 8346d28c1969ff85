#include "http/guardedtcpserver.h"

#include "http/connectionguard.h"
#include "http/httplog.h"

#include <QSslSocket>

#include <unistd.h>

#include <algorithm>

namespace {

// An IPv4 client reaching a dual-stack listener appears as ::ffff:a.b.c.d; it must count
// against the same per-address cap as when it arrives over IPv4.
QHostAddress normalized(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

int sweepIntervalMs(const ConnectionLimits& limits)
{
    const int shortest = std::min({limits.headerTimeoutMs, limits.idleTimeoutMs, limits.handshakeTimeoutMs});
    return std::clamp(shortest / 4, 20, 1000);
}

} // namespace

GuardedTcpServer::GuardedTcpServer(std::shared_ptr<const ConnectionContext> context, QObject* parent)
    : QTcpServer(parent), m_context(std::move(context))
{
    // Qt's default backlog of 50 makes a burst of connects wait for SYN-ACK retransmits.
    setListenBacklogSize(std::clamp(m_context->limits.maxConnections, 128, 4096));
    m_sweepTimer.setInterval(sweepIntervalMs(m_context->limits));
    m_sweepTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_sweepTimer, &QTimer::timeout, this, &GuardedTcpServer::sweep);
}

GuardedTcpServer::~GuardedTcpServer()
{
    // The sockets (our children) and their guards go after this destructor.
    for (ConnectionGuard* guard : std::as_const(m_guards))
        guard->detachListener();
    m_guards.clear();
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    const QHostAddress peer = normalized(socket->peerAddress());
    if (!makeRoom(peer)) {
        qCInfo(lcHttp) << "every connection is busy; refusing a connection from" << peer;
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto* guard = new ConnectionGuard(socket, peer, ++m_accepted, m_context, this);
    m_guards.insert(socket, guard);
    ++m_perAddress[peer];
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
    if (m_tls)
        startTls(static_cast<QSslSocket*>(socket), guard);
    else
        handOver(guard);
}

bool GuardedTcpServer::makeRoom(const QHostAddress& peer)
{
    const ConnectionLimits& limits = m_context->limits;
    if (m_perAddress.value(peer) >= limits.maxConnectionsPerIp) {
        ConnectionGuard* victim = oldestIdle(&peer);
        if (!victim)
            return false;
        victim->evict();
    }
    if (m_guards.size() >= limits.maxConnections) {
        ConnectionGuard* victim = oldestIdle(nullptr);
        if (!victim)
            return false;
        victim->evict();
    }
    return true;
}

ConnectionGuard* GuardedTcpServer::oldestIdle(const QHostAddress* peer) const
{
    ConnectionGuard* oldest = nullptr;
    for (ConnectionGuard* guard : std::as_const(m_guards)) {
        if (guard->isBusy() || (peer && guard->peer() != *peer))
            continue;
        if (!oldest
            || std::pair(guard->idleSinceMs(), guard->serial()) < std::pair(oldest->idleSinceMs(), oldest->serial()))
            oldest = guard;
    }
    return oldest;
}

void GuardedTcpServer::startTls(QSslSocket* socket, ConnectionGuard* guard)
{
    socket->setSslConfiguration(*m_tls);
    connect(socket, &QSslSocket::encrypted, this, [this, guard] { handOver(guard); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [guard] { guard->abort(); });
    connect(socket, &QAbstractSocket::disconnected, this, [guard] { guard->abort(); });
    socket->startServerEncryption();
}

// QHttpServer connects its readyRead slot while addPendingConnection() runs, after the
// guard's, which has framed the upgrade request by then.
void GuardedTcpServer::handOver(ConnectionGuard* guard)
{
    QTcpSocket* socket = guard->socket();
    disconnect(socket, nullptr, this, nullptr); // the handshake's connections
    connect(guard, &ConnectionGuard::upgradeAccepted, this, [this, socket] { addPendingConnection(socket); });
    guard->start();
}

ConnectionGuard* GuardedTcpServer::upgradingGuard(const QHostAddress& peer, quint16 peerPort, quint16 localPort) const
{
    for (ConnectionGuard* guard : std::as_const(m_guards)) {
        const QTcpSocket* socket = guard->socket();
        if (guard->isUpgrading() && socket->peerPort() == peerPort && socket->localPort() == localPort
            && socket->peerAddress() == peer)
            return guard;
    }
    return nullptr;
}

void GuardedTcpServer::release(ConnectionGuard* guard)
{
    const bool removed = m_guards.remove(guard->socket());
    if (removed) {
        const auto it = m_perAddress.find(guard->peer());
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    }
    if (m_guards.isEmpty()) {
        m_sweepTimer.stop();
        if (removed)
            emit lastConnectionClosed();
    }
}

void GuardedTcpServer::shutdown()
{
    close();
    const QList<ConnectionGuard*> guards = m_guards.values();
    for (ConnectionGuard* guard : guards)
        guard->shutdown();
}

void GuardedTcpServer::sweep()
{
    const qint64 now = monotonicMs();
    QList<ConnectionGuard*> expired;
    for (ConnectionGuard* guard : std::as_const(m_guards)) {
        if (guard->deadlineMs() <= now)
            expired.append(guard);
    }
    for (ConnectionGuard* guard : std::as_const(expired))
        guard->expire();
}
