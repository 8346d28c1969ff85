#include "http/httpsyntax.h"

#include <algorithm>

namespace httpsyntax {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool isHostNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '.' || c == '_';
}

bool isPort(QByteArrayView text)
{
    return text.size() <= 5 && std::all_of(text.begin(), text.end(), isDigit);
}

} // namespace

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c))
        return true;
    return c != '\0' && QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isFieldValue(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte == '\t' || (byte >= 0x20 && byte != 0x7f);
    });
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    const auto isOws = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.isEmpty() && isOws(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isOws(text.back()))
        text.chop(1);
    return text;
}

bool equalsIgnoreCase(QByteArrayView text, QByteArrayView lowercase)
{
    if (text.size() != lowercase.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (lower(text[i]) != lowercase[i])
            return false;
    }
    return true;
}

bool containsIgnoreCase(QByteArrayView text, QByteArrayView lowercase)
{
    for (qsizetype at = 0; at + lowercase.size() <= text.size(); ++at) {
        if (equalsIgnoreCase(text.sliced(at, lowercase.size()), lowercase))
            return true;
    }
    return false;
}

namespace {

constexpr QByteArrayView Methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};

} // namespace

QByteArrayView knownMethod(QByteArrayView method)
{
    for (QByteArrayView known : Methods) {
        if (method == known)
            return known;
    }
    return {};
}

bool couldStartRequestLine(QByteArrayView partial)
{
    const qsizetype space = partial.indexOf(' ');
    if (space >= 0)
        return !knownMethod(partial.first(space)).isEmpty();
    return std::any_of(std::begin(Methods), std::end(Methods),
                       [partial](QByteArrayView known) { return known.startsWith(partial); });
}

bool isOriginForm(QByteArrayView target)
{
    if (target.isEmpty() || target.front() != '/' || target.startsWith("//"))
        return false;
    return std::all_of(target.begin(), target.end(), [](char c) { return c > ' ' && c < 0x7f && c != '#'; });
}

bool isHostValue(QByteArrayView value)
{
    QByteArrayView rest;
    if (value.startsWith('[')) {
        const qsizetype close = value.indexOf(']');
        if (close < 3)
            return false;
        const QByteArrayView literal = value.sliced(1, close - 1);
        const bool ipChars = std::all_of(literal.begin(), literal.end(),
                                         [](char c) { return hexDigitValue(c) >= 0 || c == ':' || c == '.'; });
        if (!ipChars)
            return false;
        rest = value.sliced(close + 1);
    } else {
        const qsizetype colon = value.indexOf(':');
        const QByteArrayView name = colon < 0 ? value : value.first(colon);
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isHostNameChar))
            return false;
        rest = value.sliced(name.size());
    }
    return rest.isEmpty() || (rest.front() == ':' && isPort(rest.sliced(1)));
}

qint64 decimalValue(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18 || (text.size() > 1 && text.front() == '0'))
        return -1;
    qint64 value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

int hexDigitValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void ConnectionOptions::add(QByteArrayView value)
{
    upgrade = upgrade || containsIgnoreCase(value, "upgrade");
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView option = trimmedOws(comma < 0 ? value : value.first(comma));
        close = close || equalsIgnoreCase(option, "close");
        keepAlive = keepAlive || equalsIgnoreCase(option, "keep-alive");
        value = comma < 0 ? QByteArrayView() : value.sliced(comma + 1);
    }
}

} // namespace httpsyntax
