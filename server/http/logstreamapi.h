#pragma once

#include "http/connectioncontext.h"

#include <QHash>
#include <QObject>
#include <QWebSocket> // complete: connecting HttpServer::webSocketConnected to add() needs it

class AccountStore;
class AuditLog;
class PermissionModel;
class WsTokens;
struct ApiContext;
struct AuditEventRecord;

// The audit log as a WebSocket stream (API.md, rest dialect): GET /api/ws-token hands out
// a single-use token, and /api/ws/logs?token=T streams every audit event as one JSON text
// frame. The upgrade is decided by the connection guard (upgradeHook()) before QHttpServer
// reads the request, so a refused one never reaches the WebSocket handshake.
namespace LogStreamApi {
// GET /api/ws-token (logs:read: the stream shows what GET /api/audit shows).
void registerRoutes(const ApiContext& api, WsTokens& tokens);
// 0 for /api/ws/logs with an acceptable Origin and a valid ws-token whose account may
// still read the logs; 403 for any other upgrade to that path; 404 for other paths.
UpgradeHook upgradeHook(WsTokens& tokens, const AccountStore& accounts, const PermissionModel& permissions);
}

// The open log streams. Client messages are ignored; one over 4 KiB closes the socket
// (QWebSocket's own limit), as does a client that lets more than 1 MiB of frames pile up
// unread. Sockets are deleted when they disconnect.
class LogStream : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 MaxIncomingBytes = 4 * 1024;
    static constexpr qint64 MaxBacklogBytes = 1024 * 1024;
    static constexpr int MaxStreams = 64;

    explicit LogStream(AuditLog& audit, QObject* parent = nullptr);

    // Takes ownership of a connected WebSocket.
    void add(QWebSocket* socket);
    int count() const { return int(m_backlog.size()); }

private:
    void broadcast(const AuditEventRecord& event);
    void drop(QWebSocket* socket);

    QHash<QWebSocket*, qint64> m_backlog; // bytes handed to each socket and not yet written
};
