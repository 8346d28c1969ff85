#pragma once

#include "http/httprequest.h"
#include "http/responder.h"
#include "values/connectionlimits.h"
#include "values/monotonicclock.h" // monotonicMs(), monotonicUs(): the guard's deadlines

class Metrics;

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <functional>

// A protocol upgrade (WebSocket) as the guard sees it once its headers are complete,
// before QHttpServer reads any of it.
struct UpgradeRequest
{
    QString path;      // percent-decoded
    QString query;     // raw, without '?'
    QByteArray host;   // Host header ("" when absent)
    QByteArray origin; // Origin header ("" when absent; browsers always send it)
};

// Answers a request the guard framed whole (the route table's handlers); the request's
// pathParams are the dispatcher's to fill.
using RequestDispatcher = std::function<void(HttpRequest& request, Responder responder)>;

// Decides a WebSocket upgrade: 0 lets it through to QHttpServer's WebSocket handshake
// (the connection then stops being HTTP), anything else is the status to refuse it with.
using UpgradeHook = std::function<int(const UpgradeRequest& request)>;

// What every connection of one listener shares: the bounds, whether it speaks TLS (HSTS),
// who answers requests, who decides WebSocket upgrades and how to render the error bodies the transport itself
// answers (guard rejections, unanswered Responders). Held by shared_ptr, so a Responder
// that outlives the server still has something valid to look at.
struct ConnectionContext
{
    ConnectionLimits limits;
    Metrics* metrics = nullptr; // counts answers and failed handshakes (none in fuzz harnesses)
    bool tls = false;
    std::function<QByteArray(QStringView path, int status, const QString& message)> renderError;
    RequestDispatcher dispatch; // empty: every request is answered 404
    UpgradeHook upgradeHook;    // empty: every upgrade is refused (404)
};
