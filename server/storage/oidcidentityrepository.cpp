#include "storage/oidcidentityrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

std::optional<qint64> OidcIdentityRepository::accountFor(const QString& issuer, const QString& subject)
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query, QStringLiteral("SELECT account_id FROM oidc_identities WHERE issuer = ? AND subject = ?"),
                      {SqlUtil::text(issuer), SqlUtil::text(subject)}, "oidc_identities.accountFor"))
        return std::nullopt;
    return query.next() ? query.value(0).toLongLong() : 0;
}

bool OidcIdentityRepository::insert(QSqlDatabase& db, const OidcIdentityRecord& identity)
{
    QSqlQuery query(db);
    return SqlUtil::run(
        query,
        QStringLiteral("INSERT INTO oidc_identities (issuer, subject, account_id, linked_at) "
                       "VALUES (?, ?, ?, ?)"),
        {SqlUtil::text(identity.issuer), SqlUtil::text(identity.subject), identity.accountId, identity.linkedAtMs},
        "oidc_identities.insert");
}

std::optional<std::vector<OidcIdentityRecord>> OidcIdentityRepository::all()
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query,
                      QStringLiteral("SELECT issuer, subject, account_id, linked_at FROM oidc_identities "
                                     "ORDER BY linked_at, account_id"),
                      {}, "oidc_identities.all"))
        return std::nullopt;
    std::vector<OidcIdentityRecord> identities;
    while (query.next()) {
        identities.push_back({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                              query.value(3).toLongLong()});
    }
    return identities;
}
