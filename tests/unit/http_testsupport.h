#pragma once

// Shared by the unit_http_* tests (header-only: every tests/unit/*.cpp is its own
// executable). A test server on 127.0.0.1:0 with a few routes, and a raw-bytes client.

#include "http/httpserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

namespace httptest {

using namespace Qt::StringLiterals;

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray& name) const
    {
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Splits a stream of responses framed by Content-Length (complete ones only). HEAD answers
// carry a Content-Length but no body: `bodiless` says which ones.
inline QList<RawResponse> parseResponses(const QByteArray& data, const QList<bool>& bodiless = {})
{
    QList<RawResponse> responses;
    qsizetype at = 0;
    while (true) {
        const qsizetype end = data.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        RawResponse response;
        response.head = data.mid(at, end - at);
        response.status = response.head.mid(9, 3).toInt();
        const bool noBody = bodiless.value(responses.size());
        const qsizetype length = noBody ? 0 : response.header("Content-Length").toLongLong();
        if (data.size() < end + 4 + length)
            break;
        response.body = data.mid(end + 4, length);
        responses.append(response);
        at = end + 4 + length;
    }
    return responses;
}

class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { m_data += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket& socket() { return m_socket; }
    void write(const QByteArray& bytes) { m_socket.write(bytes); }
    const QByteArray& data() const { return m_data; }
    bool isClosed() const { return m_closed; }
    QList<RawResponse> responses(const QList<bool>& bodiless = {}) const { return parseResponses(m_data, bodiless); }

private:
    QTcpSocket m_socket;
    QByteArray m_data;
    bool m_closed = false;
};

// What the test routes let a test observe and control.
struct RouteState
{
    std::vector<Responder> held; // answers of /hold, released by the test
    int slowStarted = 0;
    int slowDone = 0;
    bool slowSawClientGone = false;
};

inline void addRoute(RouteTable& routes, HttpMethod method, const char* pattern, RouteHandler handler)
{
    Route route;
    route.method = method;
    route.pattern = QString::fromLatin1(pattern);
    route.handler = std::move(handler);
    route.dialect = u"system"_s;
    routes.add(std::move(route));
}

inline RouteTable testRoutes(const std::shared_ptr<RouteState>& state)
{
    RouteTable routes;
    addRoute(routes, HttpMethod::Get, "/hello",
             [](const HttpRequest&, Responder r) { r.send(200, "hello", "text/plain"); });
    addRoute(routes, HttpMethod::Post, "/echo",
             [](const HttpRequest& request, Responder r) { r.send(200, request.body, "application/octet-stream"); });
    // Answers after a timer, as a handler waiting for a password hash does.
    addRoute(routes, HttpMethod::Get, "/slow", [state](const HttpRequest&, Responder r) {
        ++state->slowStarted;
        auto pending = std::make_shared<Responder>(std::move(r));
        QTimer::singleShot(150, [state, pending] {
            state->slowSawClientGone = pending->isClientGone();
            pending->send(200, "slow", "text/plain");
            ++state->slowDone;
        });
    });
    addRoute(routes, HttpMethod::Get, "/hold",
             [state](const HttpRequest&, Responder r) { state->held.push_back(std::move(r)); });
    routes.setFallback([](const HttpRequest&, Responder r) { r.send(404, "fallback", "text/plain"); });
    return routes;
}

inline QByteArray renderError(QStringView path, int status, const QString& message)
{
    return QJsonDocument(QJsonObject{{u"path"_s, path.toString()}, {u"status"_s, status}, {u"error"_s, message}})
        .toJson(QJsonDocument::Compact);
}

inline std::unique_ptr<HttpServer> startServer(const std::shared_ptr<RouteState>& state, const ConnectionLimits& limits,
                                               std::optional<TlsIdentity> tls = std::nullopt,
                                               std::function<void()> whenIdle = {})
{
    auto server = std::make_unique<HttpServer>(testRoutes(state), renderError);
    HttpServerOptions options;
    options.whenIdle = std::move(whenIdle);
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.limits = limits;
    options.tls = std::move(tls);
    QString error;
    if (!server->listen(options, &error)) {
        qWarning() << "listen failed:" << error;
        return nullptr;
    }
    return server;
}

// Peak resident set size of this process, in KiB.
inline qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace httptest
