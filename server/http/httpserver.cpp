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
#include <QVarLengthArray>
#include <QWebSocket>

namespace {

// How long the listener must stay without connections before it counts as idle: long enough
// that a client reconnecting at once does not count, short enough that an operator looking
// at the memory after a burst sees it returned.
constexpr int IdleAfterMs = 1000;

HttpMethod toHttpMethod(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return HttpMethod::Get;
    case QHttpServerRequest::Method::Head:
        return HttpMethod::Head;
    case QHttpServerRequest::Method::Post:
        return HttpMethod::Post;
    case QHttpServerRequest::Method::Put:
        return HttpMethod::Put;
    case QHttpServerRequest::Method::Patch:
        return HttpMethod::Patch;
    case QHttpServerRequest::Method::Delete:
        return HttpMethod::Delete;
    case QHttpServerRequest::Method::Options:
        return HttpMethod::Options;
    default:
        return HttpMethod::Other;
    }
}

// The route for the request QHttpServer's router is matching right now, looked up once per
// request in the RouteTable; each rule's matches() then only compares indexes (no regular
// expression per rule and request, as the base class would run). Reset by dispatch().
struct CurrentMatch
{
    const RouteTable* table = nullptr;
    const QHttpServerRequest* request = nullptr;
    HttpMethod method = HttpMethod::Other;
    QUrl url;
    QString path;
    QStringList params;
    int route = -1;
};

CurrentMatch& currentMatch(const RouteTable& table, const QHttpServerRequest& request)
{
    thread_local CurrentMatch match;
    if (match.request != &request || match.table != &table) {
        match.table = &table;
        match.request = &request;
        match.method = toHttpMethod(request.method());
        match.url = request.url();
        match.path = match.url.path(QUrl::FullyDecoded);
        match.params.clear();
        match.route = table.match(match.method, match.path, &match.params);
    }
    return match;
}

class RouteRule final : public QHttpServerRouterRule
{
public:
    RouteRule(const RouteTable* table, int index, const QString& pattern, RouterHandler handler)
        : QHttpServerRouterRule(QRegularExpression::escape(pattern), QHttpServerRequest::Method::AnyKnown,
                                std::move(handler)),
          m_table(table), m_index(index)
    {}

protected:
    bool matches(const QHttpServerRequest& request, QRegularExpressionMatch*) const override
    {
        return currentMatch(*m_table, request).route == m_index;
    }

private:
    const RouteTable* m_table;
    int m_index;
};

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

bool nameIs(const QByteArray& name, const char* lowercase)
{
    return qstrnicmp(name.constData(), name.size(), lowercase, qsizetype(qstrlen(lowercase))) == 0;
}

QByteArray* headerSlot(HttpRequest& request, const QByteArray& name)
{
    switch (name.size()) {
    case 6:
        return nameIs(name, "origin") ? &request.origin : nullptr;
    case 10:
        return nameIs(name, "user-agent") ? &request.userAgent : nullptr;
    case 12:
        return nameIs(name, "content-type") ? &request.contentType : nullptr;
    case 13:
        return nameIs(name, "authorization") ? &request.authorization : nullptr;
    case 14:
        return nameIs(name, "x-original-uri") ? &request.originalUri : nullptr;
    case 15:
        if (nameIs(name, "x-forwarded-for"))
            return &request.forwardedFor;
        return nameIs(name, "x-forwarded-uri") ? &request.forwardedUri : nullptr;
    case 17:
        return nameIs(name, "x-original-method") ? &request.originalMethod : nullptr;
    case 18:
        return nameIs(name, "x-forwarded-method") ? &request.forwardedMethod : nullptr;
    default:
        return nullptr;
    }
}

// One pass over the headers for the few Gatehouse reads. X-Forwarded-For lines form one
// list; any other of them sent twice keeps one value and marks the request (repeatedHeader),
// since which of the two a proxy meant is anyone's guess.
void copyHeaders(const QHttpServerRequest& from, HttpRequest& to)
{
    const QList<QPair<QByteArray, QByteArray>> headers = from.headers();
    QVarLengthArray<const QByteArray*, 8> seen;
    for (const auto& [name, value] : headers) {
        QByteArray* slot = headerSlot(to, name);
        if (!slot)
            continue;
        if (slot == &to.forwardedFor && !slot->isEmpty()) {
            *slot += ", " + value;
        } else if (slot == &to.forwardedFor) {
            *slot = value;
        } else if (seen.contains(slot)) {
            to.repeatedHeader = true;
        } else {
            seen.append(slot);
            *slot = value;
        }
    }
}

} // namespace

HttpServer::HttpServer(RouteTable routes, GuardErrorRenderer errorRenderer, QObject* parent)
    : QObject(parent), m_routes(std::move(routes)), m_errorRenderer(std::move(errorRenderer)),
      m_server(std::make_unique<QHttpServer>())
{
    // Handlers answer through Gatehouse's Responder only: the QHttpServerResponder is let go
    // unused (6.4's holds a raw socket pointer and crashes when written after a disconnect).
    m_server->route<WebSocketRule>([](const QHttpServerRequest&, QHttpServerResponder&&) {});
    const auto& routeList = m_routes.routes();
    for (size_t i = 0; i < routeList.size(); ++i) {
        const bool added =
            m_server->route<RouteRule>(&m_routes, int(i), routeList[i].pattern,
                                       [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                                           dispatch(request, responder.socket());
                                       });
        if (!added)
            qCWarning(lcHttp) << "could not register the route" << routeList[i].pattern;
    }
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        dispatch(request, responder.socket());
    });
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
    context->upgradeHook = options.upgradeHook;
    context->metrics = options.metrics;
    auto listener = std::make_unique<GuardedTcpServer>(std::move(context), m_server.get());
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

void HttpServer::dispatch(const QHttpServerRequest& request, QTcpSocket* socket)
{
    CurrentMatch& match = currentMatch(m_routes, request);
    match.request = nullptr; // the next request on this connection reuses the object
    ConnectionGuard* guard = m_listener ? m_listener->guardFor(socket) : nullptr;
    if (!guard)
        return; // not a connection this server accepted

    HttpRequest call;
    call.method = match.method;
    call.path = std::move(match.path);
    call.query = match.url.query(QUrl::FullyEncoded);
    call.pathParams = std::move(match.params);
    call.body = request.body();
    call.peer = guard->peer();
    call.overTls = m_tls;
    copyHeaders(request, call);

    Responder responder = guard->takeResponder(call.path);
    const RouteHandler& handler =
        match.route >= 0 ? m_routes.routes()[size_t(match.route)].handler : m_routes.fallback();
    if (handler) {
        handler(call, std::move(responder));
    } else {
        const QString message = QStringLiteral("Not found");
        responder.send(404, m_errorRenderer ? m_errorRenderer(call.path, 404, message) : QByteArray(),
                       QByteArrayLiteral("application/json"));
    }
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
