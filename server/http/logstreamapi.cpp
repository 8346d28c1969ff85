#include "http/logstreamapi.h"

#include "core/credentialcheck.h"
#include "core/wstokens.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/httplog.h"
#include "http/logstream.h"
#include "http/restjson.h"

#include <QUrl>
#include <QUrlQuery>

namespace {

const QString LogsPath = QStringLiteral("/api/ws/logs");

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

int decideUpgrade(const UpgradeRequest& request, WsTokens& tokens, const CredentialCheck& check)
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
    // The role may have changed, the account or the credential gone, since the token was issued.
    if (!check.stillAllows(*owner, LogStream::permission())) {
        qCInfo(lcHttp) << "refused a log stream: its owner may no longer read the logs";
        return 403;
    }
    qCInfo(lcHttp).noquote() << "log stream opened for" << owner->principal.username;
    return 0;
}

} // namespace

void LogStreamApi::registerRoutes(const ApiContext& api, WsTokens& tokens, const CredentialCheck& check)
{
    api.endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/ws-token"), LogStream::permission(),
                             QStringLiteral("A single-use token (120 s) for the WebSocket /api/ws/logs"),
                             [&tokens, &check](const Call& call, Responder& r) {
                                 const QString token = tokens.issue(check.grant(call.principal));
                                 RestJson::sendSuccess(r, 200, {{QStringLiteral("token"), token}});
                             });
    // The WebSocket itself is accepted or refused by the connection guard (upgradeHook)
    // before routing; this entry answers a plain GET and puts the stream in the route
    // table, so the OpenAPI document lists it with everything else.
    api.endpoints.add(HttpMethod::Get, QStringLiteral("/api/ws/logs"), Access::Public,
                      QStringLiteral("Audit events as JSON text frames (WebSocket upgrade with ?token= from "
                                     "/api/ws-token)"),
                      [](const Call& call, Responder& r) {
                          sendTransportError(r, call.dialect, 426,
                                             QStringLiteral("This is a WebSocket endpoint: upgrade with a token"));
                      });
}

UpgradeHook LogStreamApi::upgradeHook(WsTokens& tokens, const CredentialCheck& check)
{
    return [&tokens, &check](const UpgradeRequest& request) { return decideUpgrade(request, tokens, check); };
}
