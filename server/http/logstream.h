#pragma once

#include "core/credentialcheck.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket> // complete: connecting HttpServer::webSocketConnected to add() needs it

class AuditLog;
class WsTokens;
struct AuditEventRecord;

// The open audit-log streams (/api/ws/logs; LogStreamApi decides the upgrades), each one
// sending every audit event as a JSON text frame. Client messages are ignored; one over 4 KiB
// closes the socket (QWebSocket's own limit). Sockets are deleted when they disconnect.
//
// A stream lives only as long as its owner could open it again: it is closed (1008) as soon
// as the ws-token's principal would no longer be let in with logs:read (CredentialCheck) —
// checked on every audit event (every change to accounts, sessions and tokens is audited), on
// a session's end or a token's revocation, after the caches reloaded another process's
// changes, and once a second for what changes without an event (expiry).
//
// Every byte queued for a socket counts against one cap, log frames and pongs alike:
// QWebSocket answers each ping by itself, so a client that pings and never reads would
// otherwise make the server queue pongs without end. Past the cap the socket is closed and
// dropped with what it had queued.
class LogStream : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 MaxIncomingBytes = 4 * 1024;
    static constexpr qint64 MaxQueuedBytes = 1024 * 1024;
    static constexpr qint64 ReadChunkBytes = 64 * 1024; // read per turn, then the cap is checked
    static constexpr int MaxStreams = 64;
    static constexpr int RecheckMs = 1000;

    LogStream(AuditLog& audit, WsTokens& tokens, const CredentialCheck& check, QObject* parent = nullptr);

    // What a stream needs, when it opens and for as long as it lasts.
    static const QString& permission();

    // Takes ownership of a connected WebSocket; `transport` is the TCP (or TLS) socket under it.
    void add(QWebSocket* socket, QTcpSocket* transport);
    int count() const { return int(m_streams.size()); }
    // Closes every stream whose owner may no longer read the logs.
    void recheck();

private:
    struct Stream
    {
        GrantedPrincipal owner;
        QPointer<QTcpSocket> transport;
    };

    void broadcast(const AuditEventRecord& event);
    // Closes the socket when more than MaxQueuedBytes wait to be written; true if it did.
    bool closeIfOverQueued(QWebSocket* socket);
    void close(QWebSocket* socket, QWebSocketProtocol::CloseCode code, const QString& reason);
    void drop(QWebSocket* socket);

    WsTokens& m_tokens;
    const CredentialCheck& m_check;
    QHash<QWebSocket*, Stream> m_streams;
    QTimer m_recheckTimer;
};
