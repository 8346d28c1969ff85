#include "http/httpserver.h"

#include "http/connectionguard.h"
#include "http/guardedtcpserver.h"
#include "http/httplog.h"
#include "http/tlsconfiguration.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerRouterRule>
#include <QMetaMethod>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>

namespace {

// How long the listener must stay without connections before it counts as idle: long enough
// that a client reconnecting at once does not count, short enough that an operator looking
// at the memory after a burst sees it returned.
constexpr int IdleAfterMs = 1000;

// QHttpServer 6.4 hands a WebSocket upgrade to its QWebSocketServer only when a router rule
// handles the request (the handler itself does nothing). Every upgrade reaching QHttpServer
// was accepted by the guard's UpgradeHook (RequestFramer refuses all others before QHttpServer
// reads them), so this rule only has to recognise one; registered first, it wins.
class WebSocketRule final : public QHttpServerRouterRule
{
public:
    explicit WebSocketRule(RouterHandler handler)
        : QHttpServerRouterRule(QStringLiteral("/"), QHttpServerRequest::Method::Get, std::move(handler))
    {}

protected:
    bool matches(const QHttpServerRequest& request, QRegularExpressionMatch*) const override
    {
        return request.value(QByteArrayLiteral("upgrade")).trimmed().compare("websocket", Qt::CaseInsensitive) == 0;
    }
};

} // namespace

HttpServer::HttpServer(RouteTable routes, GuardErrorRenderer errorRenderer, QObject* parent)
    : QObject(parent), m_routes(std::move(routes)), m_errorRenderer(std::move(errorRenderer)),
      m_server(std::make_unique<QHttpServer>())
{
    // QHttpServer reads only the upgrades the guard accepted; the routes are the guard's
    // (dispatch()). Its QHttpServerResponder is let go unused (6.4's holds a raw socket
    // pointer and crashes when written after a disconnect); a request it would not upgrade
    // gets no answer from it, and the guard drops the connection.
    m_server->route<WebSocketRule>([](const QHttpServerRequest&, QHttpServerResponder&&) {});
    m_server->setMissingHandler([](const QHttpServerRequest&, QHttpServerResponder&&) {});
    // Only upgrades the guard let through (UpgradeHook) reach QHttpServer's WebSocket server.
    connect(m_server.get(), &QAbstractHttpServer::newWebSocketConnection, this, &HttpServer::takeWebSockets);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const HttpServerOptions& options, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_listener)
        return fail(QStringLiteral("the server is already listening"));
    if (options.tls && (options.tls->certificate.isNull() || options.tls->privateKey.isNull()))
        return fail(QStringLiteral("the TLS identity has no certificate or key"));

    auto context = std::make_shared<ConnectionContext>();
    context->limits = options.limits;
    context->tls = options.tls.has_value();
    context->renderError = m_errorRenderer;
    context->dispatch = [this](HttpRequest& request, Responder responder) { dispatch(request, std::move(responder)); };
    context->upgradeHook = options.upgradeHook;
    context->metrics = options.metrics;
    auto listener = std::make_unique<GuardedTcpServer>(std::move(context));
    if (options.tls)
        listener->setTlsConfiguration(serverTlsConfiguration(*options.tls));
    if (!listener->listen(options.address, options.port))
        return fail(listener->errorString());
    m_tls = options.tls.has_value();
    m_listener = listener.release();
    m_server->bind(m_listener); // QHttpServer owns the listener from here on
    if (options.whenIdle) {
        m_idleTimer = new QTimer(this);
        m_idleTimer->setSingleShot(true);
        m_idleTimer->setInterval(IdleAfterMs);
        connect(m_listener, &GuardedTcpServer::lastConnectionClosed, m_idleTimer, qOverload<>(&QTimer::start));
        connect(m_idleTimer, &QTimer::timeout, this, [this, whenIdle = options.whenIdle] {
            if (connectionCount() == 0)
                whenIdle();
        });
    }
    qCInfo(lcHttp) << "listening on" << options.address.toString() << m_listener->serverPort()
                   << (m_tls ? "(HTTPS)" : "(plain HTTP)");
    return true;
}

quint16 HttpServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

bool HttpServer::isTls() const
{
    return m_tls;
}

int HttpServer::connectionCount() const
{
    return m_listener ? m_listener->connectionCount() : 0;
}

void HttpServer::close()
{
    if (m_listener)
        m_listener->shutdown();
}

void HttpServer::dispatch(HttpRequest& request, Responder responder)
{
    const int route = m_routes.match(request.method, request.path, &request.pathParams);
    const RouteHandler& handler = route >= 0 ? m_routes.routes()[size_t(route)].handler : m_routes.fallback();
    if (handler) {
        handler(request, std::move(responder));
        return;
    }
    const QString message = QStringLiteral("Not found");
    responder.send(404, m_errorRenderer ? m_errorRenderer(request.path, 404, message) : QByteArray(),
                   QByteArrayLiteral("application/json"));
}

void HttpServer::takeWebSockets()
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&HttpServer::webSocketConnected);
    while (m_server->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        ConnectionGuard* guard = m_listener
            ? m_listener->upgradingGuard(socket->peerAddress(), socket->peerPort(), socket->localPort())
            : nullptr;
        if (!guard) {
            qCWarning(lcHttp) << "a WebSocket without an accepted upgrade; closing it";
            socket->abort();
            continue;
        }
        QTcpSocket* transport = guard->socket();
        guard->adoptBy(socket.get());
        if (isSignalConnected(signal))
            emit webSocketConnected(socket.release(), transport);
        else
            socket->close(); // then deleted, with its TCP socket
    }
}
