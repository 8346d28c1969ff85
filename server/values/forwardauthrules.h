#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// Which permission a request through a reverse proxy needs, by method and path prefix
// (API.md, "Forward-auth"). Text form, rules separated by ';' or new lines:
//   METHODS PATH-PREFIX REQUIREMENT      e.g.  "GET /pages page:read; POST,PUT /pages page:write"
// METHODS is '*' or a comma list (GET covers HEAD); REQUIREMENT is "resource:action",
// "authenticated" or "public". The longest matching prefix wins; at equal length a rule
// naming the method beats '*'. Prefixes match whole path segments.
struct ForwardAuthRule
{
    enum class Requirement {
        Permission,
        Authenticated,
        Public
    };

    QStringList methods; // upper case; empty = any method
    QString prefix;      // normalised, no trailing '/' except the root "/"
    Requirement requirement = Requirement::Authenticated;
    QString permission; // Requirement::Permission only
};

class ForwardAuthRules
{
public:
    // nullopt with `error` naming the bad rule when the text does not parse.
    static std::optional<ForwardAuthRules> parse(const QString& text, QString* error);

    bool isEmpty() const { return m_rules.empty(); }
    const std::vector<ForwardAuthRule>& rules() const { return m_rules; }
    // The permissions the rules name, for checking them against the declared resources.
    QStringList permissions() const;
    // The rule deciding `method` on a normalised path; nullptr when no rule covers it.
    const ForwardAuthRule* match(QStringView method, QStringView path) const;

    // The path of a request URI as the rules see it: no query or fragment, percent-escapes
    // decoded once, "//" collapsed, "." and ".." resolved. nullopt for a URI the upstream
    // might read differently than we do: an encoded '/' or '\' (%2F, %5C), a NUL, a raw
    // '\', a bad escape, ".." above the root, or no leading '/'. Refusing those is the
    // only safe answer: the proxy checks one path and the application may serve another.
    static std::optional<QString> normalizePath(QByteArrayView uri);

private:
    std::vector<ForwardAuthRule> m_rules;
};
