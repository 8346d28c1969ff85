#pragma once

#include <QLoggingCategory>

// The transport's logging category. Never log header values (Authorization!) or bodies:
// peer addresses, statuses and reasons only.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
