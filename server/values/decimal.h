#pragma once

#include <QStringView>

#include <optional>

// Whole numbers from text that someone else wrote: a path segment, a query item, a setting,
// a command-line argument. ASCII digits only; no sign, no spaces, nothing after the digits.
// QString::toLongLong (Qt 6.4) stops at an embedded NUL and still reports success, and takes
// " +5 " for 5: "/api/users/1%00junk" would act on user 1. Every integer that reaches a
// decision comes through here instead.
namespace Decimal {

// At most 18 digits, so the value always fits a qint64; leading zeros are allowed.
std::optional<qint64> parse(QStringView digits);

} // namespace Decimal
