#pragma once

#include <QLoggingCategory>

// The storage module's log category. Messages carry the driver's error text and the
// operation's name, never a bound value: values may be password or token hashes.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
