#include "values/forwardauthrules.h"

#include <QRegularExpression>

namespace {

bool coversMethod(const ForwardAuthRule& rule, QStringView method)
{
    if (rule.methods.isEmpty() || rule.methods.contains(method))
        return true;
    return method == u"HEAD" && rule.methods.contains(QLatin1String("GET"));
}

bool coversPath(const ForwardAuthRule& rule, QStringView path)
{
    if (rule.prefix == u"/")
        return true;
    return path == rule.prefix || (path.startsWith(rule.prefix) && path.at(rule.prefix.size()) == u'/');
}

std::optional<QStringList> parseMethods(const QString& text)
{
    if (text == u"*")
        return QStringList();
    static const QRegularExpression token(QStringLiteral("^[A-Z]+$"));
    QStringList methods = text.toUpper().split(u',', Qt::SkipEmptyParts);
    for (const QString& method : std::as_const(methods)) {
        if (!token.match(method).hasMatch())
            return std::nullopt;
    }
    return methods.isEmpty() ? std::nullopt : std::optional<QStringList>(methods);
}

bool parseRequirement(const QString& text, ForwardAuthRule* rule)
{
    static const QRegularExpression permission(QStringLiteral("^[a-z][a-z0-9_-]*:(read|write)$"));
    if (text == u"public")
        rule->requirement = ForwardAuthRule::Requirement::Public;
    else if (text == u"authenticated")
        rule->requirement = ForwardAuthRule::Requirement::Authenticated;
    else if (permission.match(text).hasMatch())
        rule->requirement = ForwardAuthRule::Requirement::Permission;
    else
        return false;
    rule->permission = rule->requirement == ForwardAuthRule::Requirement::Permission ? text : QString();
    return true;
}

std::optional<ForwardAuthRule> parseRule(const QString& text)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList parts = text.split(whitespace, Qt::SkipEmptyParts);
    if (parts.size() != 3)
        return std::nullopt;
    ForwardAuthRule rule;
    const auto methods = parseMethods(parts[0]);
    const auto prefix = ForwardAuthRules::normalizePath(parts[1].toUtf8());
    if (!methods || !prefix || !parseRequirement(parts[2], &rule))
        return std::nullopt;
    rule.methods = *methods;
    rule.prefix = *prefix;
    return rule;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Escapes that would change the path's structure once decoded, and malformed ones.
bool hasAmbiguousEscape(QByteArrayView path)
{
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' || path[i] == '\0')
            return true;
        if (path[i] != '%')
            continue;
        if (i + 2 >= path.size() || !isHex(path[i + 1]) || !isHex(path[i + 2]))
            return true;
        const QByteArray escape = path.sliced(i + 1, 2).toByteArray().toUpper();
        if (escape == "2F" || escape == "5C" || escape == "00")
            return true;
    }
    return false;
}

} // namespace

std::optional<ForwardAuthRules> ForwardAuthRules::parse(const QString& text, QString* error)
{
    ForwardAuthRules rules;
    static const QRegularExpression separators(QStringLiteral("[;\\n]"));
    const QStringList lines = text.split(separators, Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const auto rule = parseRule(trimmed);
        if (!rule) {
            *error = QStringLiteral("bad forward-auth rule \"%1\": expected METHODS PATH-PREFIX REQUIREMENT, "
                                    "e.g. \"GET /pages page:read\"")
                         .arg(trimmed);
            return std::nullopt;
        }
        rules.m_rules.push_back(*rule);
    }
    return rules;
}

QStringList ForwardAuthRules::permissions() const
{
    QStringList named;
    for (const ForwardAuthRule& rule : m_rules) {
        if (rule.requirement == ForwardAuthRule::Requirement::Permission && !named.contains(rule.permission))
            named.append(rule.permission);
    }
    return named;
}

const ForwardAuthRule* ForwardAuthRules::match(QStringView method, QStringView path) const
{
    const ForwardAuthRule* best = nullptr;
    for (const ForwardAuthRule& rule : m_rules) {
        if (!coversMethod(rule, method) || !coversPath(rule, path))
            continue;
        const bool longer = !best || rule.prefix.size() > best->prefix.size();
        const bool moreSpecific =
            best && rule.prefix.size() == best->prefix.size() && best->methods.isEmpty() && !rule.methods.isEmpty();
        if (longer || moreSpecific)
            best = &rule;
    }
    return best;
}

std::optional<QString> ForwardAuthRules::normalizePath(QByteArrayView uri)
{
    qsizetype end = uri.size();
    for (const char stop : {'?', '#'}) {
        const qsizetype at = uri.indexOf(stop);
        if (at >= 0 && at < end)
            end = at;
    }
    const QByteArrayView raw = uri.first(end);
    if (!raw.startsWith('/') || hasAmbiguousEscape(raw))
        return std::nullopt;
    const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(raw.toByteArray()));
    QStringList segments;
    for (const QString& segment : decoded.split(u'/', Qt::SkipEmptyParts)) {
        if (segment == u".")
            continue;
        if (segment == u"..") {
            if (segments.isEmpty())
                return std::nullopt;
            segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    return u'/' + segments.join(u'/');
}
