#pragma once

#include <QtGlobal>

// How long what the dialects issue lives (seconds): what the login and refresh handlers need
// of the configuration, and nothing more of it.
struct TokenLifetimes
{
    qint64 flexTokenSecs = 24 * 3600;   // FLEX_TOKEN_DURATION
    qint64 restAccessSecs = 8 * 3600;   // JWT_EXPIRE_DURATION
    qint64 managerAccessSecs = 15 * 60; // MANAGER_ACCESS_DURATION
    qint64 refreshSecs = 7 * 24 * 3600; // REFRESH_DURATION
};
