#include "http/logstreamapi.h"

#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/permissions.h"
#include "core/wstokens.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/httplog.h"
#include "http/restjson.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

namespace {

const QString LogsPath = QStringLiteral("/api/ws/logs");
const QString LogsPermission = QStringLiteral("logs:read");

// Browsers let any page open a WebSocket anywhere (no same-origin policy applies) and send
// the Origin they come from; a page on another site must not read the log with a token it
// got hold of. Clients that are not browsers send no Origin.
bool originAllowed(const QByteArray& origin, const QByteArray& host)
{
    if (origin.isEmpty())
        return true;
    const QUrl from(QString::fromLatin1(origin), QUrl::StrictMode);
    const QString scheme = from.scheme();
    if (!from.isValid() || (scheme != u"https" && scheme != u"http") || from.host().isEmpty() || host.isEmpty())
        return false;
    QUrl to;
    to.setAuthority(QString::fromLatin1(host), QUrl::StrictMode);
    if (!to.isValid() || to.host().isEmpty() || !to.userInfo().isEmpty())
        return false;
    const int defaultPort = scheme == u"https" ? 443 : 80;
    return from.host() == to.host() && from.port(defaultPort) == to.port(defaultPort);
}

int decideUpgrade(const UpgradeRequest& request, WsTokens& tokens, const AccountStore& accounts,
                  const PermissionModel& permissions)
{
    if (request.path != LogsPath)
        return 404;
    if (!originAllowed(request.origin, request.host)) {
        qCInfo(lcHttp) << "refused a log stream: cross-site Origin";
        return 403;
    }
    const QString token = QUrlQuery(request.query).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    const auto owner = tokens.consume(token);
    if (!owner) {
        qCInfo(lcHttp) << "refused a log stream: missing, unknown, expired or spent ws-token";
        return 403;
    }
    // The role may have changed (or the account gone) since the token was issued.
    const AccountRecord* account = accounts.byId(owner->accountId);
    if (!account || account->disabled || !permissions.allows(account->role, LogsPermission)) {
        qCInfo(lcHttp) << "refused a log stream: the account may no longer read the logs";
        return 403;
    }
    qCInfo(lcHttp).noquote() << "log stream opened for" << account->username;
    return 0;
}

} // namespace

void LogStreamApi::registerRoutes(const ApiContext& api, WsTokens& tokens)
{
    api.endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/ws-token"), LogsPermission,
                             QStringLiteral("A single-use token (120 s) for the WebSocket /api/ws/logs"),
                             [&tokens](const Call& call, Responder& r) {
                                 const QString token = tokens.issue(call.principal);
                                 RestJson::sendSuccess(r, 200, {{QStringLiteral("token"), token}});
                             });
    // The WebSocket itself is accepted or refused by the connection guard (upgradeHook)
    // before routing; this entry answers a plain GET and puts the stream in the route
    // table, so the OpenAPI document lists it with everything else.
    api.endpoints.add(HttpMethod::Get, QStringLiteral("/api/ws/logs"), Access::Public,
                      QStringLiteral("Audit events as JSON text frames (WebSocket upgrade with ?token= from "
                                     "/api/ws-token)"),
                      [](const Call& call, Responder& r) {
                          sendError(r, call.dialect,
                                    AuthError{AuthError::Code::UpgradeRequired,
                                              QStringLiteral("This is a WebSocket endpoint: upgrade with a token"), 0});
                      });
}

UpgradeHook LogStreamApi::upgradeHook(WsTokens& tokens, const AccountStore& accounts,
                                      const PermissionModel& permissions)
{
    return [&tokens, &accounts, &permissions](const UpgradeRequest& request) {
        return decideUpgrade(request, tokens, accounts, permissions);
    };
}

LogStream::LogStream(AuditLog& audit, QObject* parent)
    : QObject(parent)
{
    connect(&audit, &AuditLog::recorded, this, &LogStream::broadcast);
}

void LogStream::add(QWebSocket* socket)
{
    socket->setParent(this);
    if (m_backlog.size() >= MaxStreams) {
        qCInfo(lcHttp) << "too many log streams; closing a new one";
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("too many log streams"));
        socket->deleteLater();
        return;
    }
    // The stream only talks; a client message is read up to the cap and dropped, and one
    // over it closes the socket (CloseCodeTooMuchData), so no client can make us buffer.
    socket->setMaxAllowedIncomingFrameSize(MaxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(MaxIncomingBytes);
    m_backlog.insert(socket, 0);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QWebSocket::bytesWritten, this, [this, socket](qint64 bytes) {
        if (auto it = m_backlog.find(socket); it != m_backlog.end())
            it.value() = std::max<qint64>(0, it.value() - bytes);
    });
}

void LogStream::broadcast(const AuditEventRecord& event)
{
    if (m_backlog.isEmpty())
        return;
    const QString frame =
        QString::fromUtf8(QJsonDocument(RestJson::auditEvent(event)).toJson(QJsonDocument::Compact));
    const QList<QWebSocket*> sockets = m_backlog.keys();
    for (QWebSocket* socket : sockets) {
        qint64& backlog = m_backlog[socket];
        if (backlog > MaxBacklogBytes) {
            qCInfo(lcHttp) << "closing a log stream that does not read";
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not reading"));
            drop(socket);
            continue;
        }
        backlog += std::max<qint64>(0, socket->sendTextMessage(frame));
    }
}

void LogStream::drop(QWebSocket* socket)
{
    if (m_backlog.remove(socket))
        socket->deleteLater();
}
