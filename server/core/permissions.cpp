#include "core/permissions.h"

#include <algorithm>

namespace {

QString permission(const QString& resource, QLatin1String action)
{
    return resource + u':' + action;
}

QStringList sorted(const QSet<QString>& set)
{
    QStringList list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

PermissionModel::PermissionModel(const QStringList& declaredResources)
{
    m_resources = builtinResources();
    for (const QString& resource : declaredResources) {
        if (!m_resources.contains(resource)) {
            m_resources.append(resource);
            m_declared.append(resource);
        }
    }
    for (const QString& resource : std::as_const(m_resources)) {
        m_admin.insert(permission(resource, QLatin1String("read")));
        m_admin.insert(permission(resource, QLatin1String("write")));
    }
    for (const QString& resource : std::as_const(m_declared)) {
        m_operator.insert(permission(resource, QLatin1String("read")));
        m_operator.insert(permission(resource, QLatin1String("write")));
        m_viewer.insert(permission(resource, QLatin1String("read")));
    }
    m_operator.insert(QStringLiteral("logs:read"));
}

const QStringList& PermissionModel::builtinResources()
{
    static const QStringList resources{QStringLiteral("users"),    QStringLiteral("tokens"),
                                       QStringLiteral("sessions"), QStringLiteral("ratelimit"),
                                       QStringLiteral("logs"),     QStringLiteral("system")};
    return resources;
}

const QStringList& PermissionModel::roles()
{
    static const QStringList roles{QStringLiteral("admin"), QStringLiteral("operator"), QStringLiteral("viewer")};
    return roles;
}

bool PermissionModel::isRole(const QString& role)
{
    return roles().contains(role);
}

bool PermissionModel::isValid(const QString& permission) const
{
    const qsizetype colon = permission.indexOf(u':');
    if (colon <= 0)
        return false;
    const QStringView action = QStringView(permission).sliced(colon + 1);
    return m_resources.contains(permission.first(colon)) && (action == u"read" || action == u"write");
}

QStringList PermissionModel::permissionsOf(const QString& role) const
{
    if (role == u"admin")
        return sorted(m_admin);
    if (role == u"operator")
        return sorted(m_operator);
    if (role == u"viewer")
        return sorted(m_viewer);
    return {};
}

bool PermissionModel::allows(const QString& role, const QString& permission) const
{
    if (role == u"admin")
        return m_admin.contains(permission);
    if (role == u"operator")
        return m_operator.contains(permission);
    if (role == u"viewer")
        return m_viewer.contains(permission);
    return false;
}

bool PermissionModel::allows(const Principal& principal, const QString& permission) const
{
    if (principal.method == Principal::Method::ApiToken && !principal.tokenPermissions.contains(permission))
        return false;
    return allows(principal.role, permission);
}

QStringList PermissionModel::permissionsOf(const Principal& principal) const
{
    QStringList granted = permissionsOf(principal.role);
    if (principal.method == Principal::Method::ApiToken)
        granted.removeIf(
            [&principal](const QString& permission) { return !principal.tokenPermissions.contains(permission); });
    return granted;
}

bool PermissionModel::holdsAll(const Principal& actor, const QStringList& permissions) const
{
    return std::all_of(permissions.cbegin(), permissions.cend(),
                       [this, &actor](const QString& permission) { return allows(actor, permission); });
}

bool PermissionModel::dominates(const Principal& actor, const QString& role) const
{
    return holdsAll(actor, permissionsOf(role));
}
