#pragma once

#include <QLoggingCategory>

// One logging category per module (gatehouse.<module>). Messages never carry a
// password, token, key or hash: log names, ids and addresses only.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcSessions)
Q_DECLARE_LOGGING_CATEGORY(lcRateLimit)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
