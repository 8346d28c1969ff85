#include "panel/panelconvert.h"

#include "core/accountstore.h"
#include "server.h"
#include "storage/apitokenrepository.h"
#include "storage/auditrepository.h"
#include "storage/ratelimiteventrepository.h"
#include "storage/sessionrepository.h"

#include <QNetworkInterface>

namespace PanelConvert {

SessionInfo session(const SessionRecord& record, const AccountStore& accounts)
{
    const AccountRecord* account = accounts.byId(record.accountId);
    return SessionInfo{record.id,          record.accountId,    account ? account->username : QString(),
                       record.dialect,     record.clientIp,     record.userAgent,
                       record.createdAtMs, record.lastSeenAtMs, record.expiresAtMs};
}

AccountInfo account(const AccountRecord& record, qint64 builtinAdminId)
{
    AccountInfo info;
    info.id = record.id;
    info.username = record.username;
    info.firstname = record.firstname;
    info.lastname = record.lastname;
    info.role = record.role;
    info.disabled = record.disabled;
    info.hasPassword = !record.passwordHash.isEmpty();
    info.builtinAdmin = record.id == builtinAdminId;
    info.createdAtMs = record.createdAtMs;
    info.updatedAtMs = record.updatedAtMs;
    return info;
}

ApiTokenInfo token(const ApiTokenRecord& record, const QString& creator)
{
    ApiTokenInfo info;
    info.id = record.id;
    info.name = record.name;
    info.hint = record.hint;
    info.permissions = record.permissions;
    info.creator = creator;
    info.createdAtMs = record.createdAtMs;
    info.expiresAtMs = record.expiresAtMs;
    info.lastUsedAtMs = record.lastUsedAtMs;
    info.lastUsedIp = record.lastUsedIp;
    return info;
}

RateLimitEventInfo rateLimitEvent(const RateLimitEventRecord& record)
{
    return RateLimitEventInfo{record.id,      record.atMs,     record.clientIp, record.kind,
                              record.dialect, record.username, record.detail};
}

AuditEventInfo auditEvent(const AuditEventRecord& record)
{
    return AuditEventInfo{record.id, record.atMs, record.kind, record.actor, record.clientIp, record.detail};
}

QStringList urls(const Server& server)
{
    const QHostAddress address = server.config().listenAddress;
    const bool wildcard =
        address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    if (!wildcard)
        return {server.url()};
    const QString scheme = server.config().plainHttp ? QStringLiteral("http://") : QStringLiteral("https://");
    const QString port = QString::number(server.port());
    QStringList urls;
    for (const QHostAddress& local : QNetworkInterface::allAddresses()) {
        if (local.isLoopback() || local.isLinkLocal())
            continue;
        if (address == QHostAddress::AnyIPv4 && local.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        const bool v6 = local.protocol() == QAbstractSocket::IPv6Protocol;
        urls.append(scheme + (v6 ? u'[' + local.toString() + u']' : local.toString()) + u':' + port);
    }
    urls.append(server.url()); // https://localhost:<port>
    return urls;
}

} // namespace PanelConvert
