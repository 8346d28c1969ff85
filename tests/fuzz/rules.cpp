// Forward-auth rules (server/http/forwardauthrules.*): the input is rule text, a NUL, a
// method, a NUL, a request URI. Properties:
// - parsed rules are well-formed and survive being written out and parsed again unchanged;
// - a normalised path is canonical (leading '/', no empty, "." or ".." segment, no trailing
//   '/', no NUL or '\') and normalising it again (percent-encoded) changes nothing;
// - match() picks a rule that covers the method and the path on whole segments, with the
//   longest prefix, a rule naming the method before '*'; nullptr only when no rule covers.
#include "values/forwardauthrules.h"

#include "tests/fuzz/fuzzinput.h"

#include <QRegularExpression>
#include <QUrl>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

void require(bool property)
{
    if (!property)
        std::abort();
}

QByteArray encoded(const QString& path)
{
    return QUrl::toPercentEncoding(path, "/");
}

void checkNormalized(const QString& path)
{
    require(path.startsWith(u'/') && !path.contains(u'\\') && !path.contains(QChar(0)));
    require(path == u"/" || !path.endsWith(u'/'));
    const QStringList segments = path.mid(1).split(u'/');
    for (const QString& segment : segments)
        require(path == u"/" || (!segment.isEmpty() && segment != u"." && segment != u".."));
    require(ForwardAuthRules::normalizePath(encoded(path)) == path);
    if (!path.contains(u'%') && !path.contains(u'?') && !path.contains(u'#'))
        require(ForwardAuthRules::normalizePath(path.toUtf8()) == path);
}

QString requirementText(const ForwardAuthRule& rule)
{
    switch (rule.requirement) {
    case ForwardAuthRule::Requirement::Public:
        return u"public"_s;
    case ForwardAuthRule::Requirement::Authenticated:
        return u"authenticated"_s;
    case ForwardAuthRule::Requirement::Permission:
        return rule.permission;
    }
    return {};
}

bool sameRules(const std::vector<ForwardAuthRule>& a, const std::vector<ForwardAuthRule>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].methods != b[i].methods || a[i].prefix != b[i].prefix || a[i].requirement != b[i].requirement
            || a[i].permission != b[i].permission)
            return false;
    }
    return true;
}

void checkRules(const ForwardAuthRules& rules)
{
    static const QRegularExpression method(u"^[A-Z]+$"_s);
    static const QRegularExpression permission(u"^[a-z][a-z0-9_-]*:(read|write)$"_s);
    QStringList lines;
    for (const ForwardAuthRule& rule : rules.rules()) {
        for (const QString& name : rule.methods)
            require(method.match(name).hasMatch());
        checkNormalized(rule.prefix);
        const bool named = rule.requirement == ForwardAuthRule::Requirement::Permission;
        require(named == !rule.permission.isEmpty() && (!named || permission.match(rule.permission).hasMatch()));
        lines.append((rule.methods.isEmpty() ? u"*"_s : rule.methods.join(u',')) + u' '
                     + QString::fromLatin1(encoded(rule.prefix)) + u' ' + requirementText(rule));
    }
    QString error;
    const auto again = ForwardAuthRules::parse(lines.join(u'\n'), &error);
    require(again && sameRules(again->rules(), rules.rules()));
}

bool covers(const ForwardAuthRule& rule, const QString& method, const QString& path)
{
    const bool byMethod = rule.methods.isEmpty() || rule.methods.contains(method)
        || (method == u"HEAD" && rule.methods.contains(u"GET"_s));
    const bool byPath = rule.prefix == u"/" || path == rule.prefix || path.startsWith(rule.prefix + u'/');
    return byMethod && byPath;
}

void checkMatch(const ForwardAuthRules& rules, const QString& method, const QString& path)
{
    const ForwardAuthRule* chosen = rules.match(method, path);
    qsizetype longest = -1;
    bool namedAtLongest = false;
    for (const ForwardAuthRule& rule : rules.rules()) {
        if (!covers(rule, method, path))
            continue;
        if (rule.prefix.size() > longest) {
            longest = rule.prefix.size();
            namedAtLongest = false;
        }
        if (rule.prefix.size() == longest && !rule.methods.isEmpty())
            namedAtLongest = true;
    }
    require((chosen == nullptr) == (longest < 0));
    if (!chosen)
        return;
    require(covers(*chosen, method, path) && chosen->prefix.size() == longest);
    require(!namedAtLongest || !chosen->methods.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const QString text = QString::fromUtf8(input.until('\0'));
    const QString method = QString::fromUtf8(input.until('\0'));
    const QByteArray uri = input.rest();

    QString error;
    const std::optional<ForwardAuthRules> rules = ForwardAuthRules::parse(text, &error);
    require(rules.has_value() == error.isEmpty());
    if (rules)
        checkRules(*rules);

    const std::optional<QString> path = ForwardAuthRules::normalizePath(uri);
    if (!path)
        return 0;
    checkNormalized(*path);
    if (rules)
        checkMatch(*rules, method, *path);
    return 0;
}
