// The rule against privilege escalation (PermissionModel::dominates / holdsAll) that every
// path changing an account, ending its credentials or revoking a token asks: an actor acts
// only on what holds no permission the actor lacks. Roles, API tokens (their own list,
// bounded by the creator's role) and equal holders.
#include "core/permissions.h"

#include <QTest>

namespace {

Principal withRole(const QString& role)
{
    Principal principal;
    principal.role = role;
    principal.method = Principal::Method::Bearer;
    return principal;
}

Principal token(const QString& creatorRole, const QStringList& permissions)
{
    Principal principal = withRole(creatorRole);
    principal.method = Principal::Method::ApiToken;
    principal.tokenPermissions = permissions;
    return principal;
}

} // namespace

class CorePrivilegeTest : public QObject
{
    Q_OBJECT

private slots:
    void rolesDominateDownwards();
    void tokensCountTheirOwnList();
    void withoutDeclaredResourcesViewersHoldNothing();

private:
    const PermissionModel m_model{{QStringLiteral("page")}};
};

void CorePrivilegeTest::rolesDominateDownwards()
{
    const QString admin = QStringLiteral("admin"), operatorRole = QStringLiteral("operator"),
                  viewer = QStringLiteral("viewer");
    QVERIFY(m_model.dominates(withRole(admin), admin)); // holding as much is enough
    QVERIFY(m_model.dominates(withRole(admin), operatorRole));
    QVERIFY(m_model.dominates(withRole(operatorRole), viewer));
    QVERIFY(!m_model.dominates(withRole(operatorRole), admin));
    QVERIFY(!m_model.dominates(withRole(viewer), operatorRole)); // logs:read, page:write
    QVERIFY(!m_model.dominates(withRole(QString()), viewer));    // no role holds nothing
}

void CorePrivilegeTest::tokensCountTheirOwnList()
{
    const Principal usersWrite = token(QStringLiteral("admin"), {QStringLiteral("users:write")});
    QVERIFY(!m_model.dominates(usersWrite, QStringLiteral("admin")));
    QVERIFY(!m_model.dominates(usersWrite, QStringLiteral("viewer"))); // page:read it lacks
    const Principal pageAndLogs =
        token(QStringLiteral("admin"),
              {QStringLiteral("page:read"), QStringLiteral("page:write"), QStringLiteral("logs:read")});
    QVERIFY(m_model.dominates(pageAndLogs, QStringLiteral("operator")));
    // A token never holds more than its creator's role grants, whatever its list says.
    QVERIFY(!m_model.dominates(
        token(QStringLiteral("viewer"),
              {QStringLiteral("page:read"), QStringLiteral("page:write"), QStringLiteral("logs:read")}),
        QStringLiteral("operator")));
    QVERIFY(m_model.holdsAll(usersWrite, {QStringLiteral("users:write")}));
    QVERIFY(!m_model.holdsAll(usersWrite, {QStringLiteral("users:write"), QStringLiteral("users:read")}));
    QVERIFY(m_model.holdsAll(usersWrite, {}));
}

void CorePrivilegeTest::withoutDeclaredResourcesViewersHoldNothing()
{
    const PermissionModel bare({});
    QVERIFY(bare.dominates(token(QStringLiteral("admin"), {QStringLiteral("users:write")}), QStringLiteral("viewer")));
    QVERIFY(!bare.dominates(token(QStringLiteral("admin"), {QStringLiteral("users:write")}),
                            QStringLiteral("operator"))); // logs:read
}

QTEST_GUILESS_MAIN(CorePrivilegeTest)
#include "core_privilege.moc"
