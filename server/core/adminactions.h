#pragma once

#include "core/autherror.h"

#include <QString>

#include <optional>

class AccountStore;
class AuditLog;
class RateLimiter;
class SessionStore;

// What an operator does to sessions and lockouts, the same whether it comes from the HTTP
// API, the command line or the control panel: the change is committed, then audited, so no
// caller can end a session or lift a lockout without a trace. Callers check who may act.
namespace AdminActions {

// Ends a live session (audited as session.revoked). NotFound when it is not live;
// Unavailable when storage refused.
std::optional<AuthError> revokeSession(SessionStore& sessions, const AccountStore& accounts, AuditLog& audit,
                                       const QString& id, const QString& actor, const QString& clientIp);
// Lifts an address's lockout (audited as ratelimit.unblocked). NotFound when it is not locked;
// Unavailable when storage refused (then the lockout stays).
std::optional<AuthError> unblock(RateLimiter& limiter, AuditLog& audit, const QString& ip, const QString& actor,
                                 const QString& clientIp);

} // namespace AdminActions
