// The duration parser (parseDuration, configloader.h): token lifetimes from the
// configuration (JWT_EXPIRE_DURATION=8h, ...) and `gatehoused tokens create --expires 30d`.
// The input is the text. Properties:
// - what parses is a positive number of seconds of at most ten years, a whole number of
//   its unit, written as ASCII digits and at most one unit letter (whitespace around);
// - a canonical spelling ("<digits><unit>") gives exactly n × unit, within the bounds;
// - the value written back as seconds, or in its unit, parses to the same value.
#include "config/configloader.h"

#include <QRegularExpression>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 TenYears = 10LL * 365 * 86400;

void require(bool property)
{
    if (!property)
        std::abort();
}

qint64 unitOf(QChar letter)
{
    switch (letter.unicode()) {
    case 'm':
        return 60;
    case 'h':
        return 3600;
    case 'd':
        return 86400;
    default:
        return 1;
    }
}

void checkParsed(const QString& text, qint64 seconds)
{
    static const QRegularExpression spelling(u"^[0-9]+[smhd]?$"_s);
    const QString trimmed = text.trimmed();
    require(spelling.match(trimmed).hasMatch());
    const QChar letter = trimmed.back();
    const qint64 unit = unitOf(letter);
    require(seconds > 0 && seconds <= TenYears && seconds % unit == 0);
    require(parseDuration(QString::number(seconds)) == seconds);
    require(!letter.isLetter() || parseDuration(QString(QString::number(seconds / unit) + letter)) == seconds);
}

// "<digits><unit>" with nothing else: the exact answer.
void checkCanonical(const QString& text, std::optional<qint64> parsed)
{
    static const QRegularExpression canonical(u"^([0-9]{1,18})([smhd]?)$"_s);
    const QRegularExpressionMatch match = canonical.match(text);
    if (!match.hasMatch())
        return;
    const qint64 count = match.captured(1).toLongLong();
    const qint64 unit = match.captured(2).isEmpty() ? 1 : unitOf(match.captured(2).front());
    const bool valid = count > 0 && count <= TenYears / unit;
    require(parsed == (valid ? std::optional<qint64>(count * unit) : std::nullopt));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const std::optional<qint64> parsed = parseDuration(text);
    if (parsed)
        checkParsed(text, *parsed);
    checkCanonical(text, parsed);
    return 0;
}
