#pragma once

#include "crypto/tlsidentity.h"
#include "http/connectioncontext.h"
#include "http/routetable.h"
#include "values/connectionlimits.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class AuthError;

struct HttpServerOptions
{
    QHostAddress address = QHostAddress::Any;
    quint16 port = 3539;            // 0 = ephemeral
    std::optional<TlsIdentity> tls; // empty = plain HTTP (--http)
    ConnectionLimits limits;
    // Decides WebSocket upgrades before QHttpServer sees them; empty: all refused (404).
    UpgradeHook upgradeHook;
    Metrics* metrics = nullptr; // counts answers and failed handshakes; must outlive the server
    // Called once no connection has been open for a second after the last one closed: the
    // moment to give memory a burst of connections left behind back to the system.
    std::function<void()> whenIdle;
};

// Renders an error the guard itself answers (413, 431, 400) in the error envelope of the
// dialect that owns `path` ("" when the request line was unreadable).
using GuardErrorRenderer = std::function<QByteArray(QStringView path, int status, const QString& message)>;

class GuardedTcpServer;
class QTimer;
class QHttpServer;
class QTcpSocket;
class QWebSocket;

// Gatehouse's HTTP front: the guarded listener (own QTcpServer, TLS, caps, deadlines,
// request framing) answering requests from the RouteTable, bound to QHttpServer for the
// WebSocket upgrades the guard accepts. This class's
// .cpp is the only file that calls QHttpServer (its API changes between 6.4 and 6.8).
// Construct it in the thread that serves; it is never moved.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    HttpServer(RouteTable routes, GuardErrorRenderer errorRenderer, QObject* parent = nullptr);
    ~HttpServer() override;

    bool listen(const HttpServerOptions& options, QString* error);
    quint16 port() const;
    bool isTls() const;
    int connectionCount() const;
    // Stops accepting, answers what is in flight, closes idle connections (and WebSockets).
    void close();

signals:
    // A WebSocket whose upgrade the UpgradeHook accepted has completed its handshake. The
    // one receiver takes ownership (with none connected, it is closed and deleted).
    // `transport` is the connection under it, whose queued bytes only it can see (QWebSocket
    // writes pongs there unasked).
    void webSocketConnected(QWebSocket* socket, QTcpSocket* transport);

private:
    void dispatch(HttpRequest& request, Responder responder);
    void takeWebSockets();

    RouteTable m_routes;
    GuardErrorRenderer m_errorRenderer;
    std::unique_ptr<QHttpServer> m_server;
    GuardedTcpServer* m_listener = nullptr; // owned by m_server once bound
    QTimer* m_idleTimer = nullptr;
    bool m_tls = false;
};
