#pragma once

#include "core/principal.h"

#include <QSet>
#include <QString>
#include <QStringList>

// The `resource:action` permission model of API.md, in one place for every dialect.
// Actions are `read` and `write`. Built-in resources: users, tokens, sessions, ratelimit,
// logs, system; more are declared in the configuration (an encoder's `pipeline`, the
// manager dialect's `redirect`, `page`, `agent`). Roles:
//   admin     every permission
//   operator  read and write on declared resources, read on logs
//   viewer    read on declared resources
class PermissionModel
{
public:
    explicit PermissionModel(const QStringList& declaredResources);

    static const QStringList& builtinResources();
    static const QStringList& roles();
    static bool isRole(const QString& role);

    // All resources, built-in first, then declared.
    const QStringList& resources() const { return m_resources; }
    // "resource:action" with a known resource and action.
    bool isValid(const QString& permission) const;
    // The permissions a role grants, sorted.
    QStringList permissionsOf(const QString& role) const;
    bool allows(const QString& role, const QString& permission) const;
    // What a caller may do: its role's permissions, and for an API token only those of its
    // own list that the creator's role still grants (a demoted creator's tokens shrink too).
    bool allows(const Principal& principal, const QString& permission) const;
    QStringList permissionsOf(const Principal& principal) const;

    // The rule against privilege escalation, for every path that changes an account or ends
    // one of its credentials: `actor` acts on an account (or a token), or gives an account a
    // role, only when it holds every permission that role (or token) carries. Holding as much
    // is enough: an admin manages another admin; an API token holding users:write alone
    // manages only accounts that hold nothing else, so it cannot set the admin's password
    // or make itself an admin.
    bool holdsAll(const Principal& actor, const QStringList& permissions) const;
    bool dominates(const Principal& actor, const QString& role) const;

private:
    QStringList m_resources;
    QStringList m_declared;
    QSet<QString> m_admin;
    QSet<QString> m_operator;
    QSet<QString> m_viewer;
};
