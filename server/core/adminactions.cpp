#include "core/adminactions.h"

#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"

std::optional<AuthError> AdminActions::revokeSession(SessionStore& sessions, const AccountStore& accounts,
                                                     AuditLog& audit, const QString& id, const QString& actor,
                                                     const QString& clientIp)
{
    const SessionRecord* session = sessions.find(id);
    if (!session)
        return AuthError{AuthError::Code::NotFound, QStringLiteral("No such session"), 0};
    const AccountRecord* account = accounts.byId(session->accountId);
    const QString owner = account ? account->username : QString();
    if (!sessions.revoke(id))
        return AuthError::storageUnavailable();
    audit.record(QStringLiteral("session.revoked"), actor, clientIp,
                 {{QStringLiteral("session"), id}, {QStringLiteral("user"), owner}});
    return std::nullopt;
}

std::optional<AuthError> AdminActions::unblock(RateLimiter& limiter, AuditLog& audit, const QString& ip,
                                               const QString& actor, const QString& clientIp)
{
    if (!limiter.lockedFor(ip))
        return AuthError{AuthError::Code::NotFound, QStringLiteral("That address is not blocked"), 0};
    if (!limiter.unblock(ip, actor))
        return AuthError::storageUnavailable();
    audit.record(QStringLiteral("ratelimit.unblocked"), actor, clientIp, {{QStringLiteral("ip"), ip}});
    return std::nullopt;
}
