#include "values/decimal.h"

namespace Decimal {

std::optional<qint64> parse(QStringView digits)
{
    constexpr qsizetype MaxDigits = 18;
    if (digits.isEmpty() || digits.size() > MaxDigits)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace Decimal
