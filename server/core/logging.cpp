#include "core/logging.h"

Q_LOGGING_CATEGORY(lcAuth, "gatehouse.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSessions, "gatehouse.sessions", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRateLimit, "gatehouse.ratelimit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "gatehouse.audit", QtInfoMsg)
