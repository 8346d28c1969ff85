#include "storage/apitokenrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

namespace {

const QLatin1String kSelect("SELECT id, name, token_hash, hint, permissions, created_by, created_at, expires_at, "
                            "last_used_at, last_used_ip, revoked_at FROM api_tokens");

ApiTokenRecord toRecord(const QSqlQuery& query)
{
    ApiTokenRecord token;
    token.id = query.value(0).toLongLong();
    token.name = query.value(1).toString();
    token.tokenHash = query.value(2).toByteArray();
    token.hint = query.value(3).toString();
    token.permissions = query.value(4).toString().split(u' ', Qt::SkipEmptyParts);
    token.createdBy = query.value(5).toLongLong();
    token.createdAtMs = query.value(6).toLongLong();
    token.expiresAtMs = query.value(7).toLongLong();
    token.lastUsedAtMs = query.value(8).toLongLong();
    token.lastUsedIp = query.value(9).toString();
    token.revokedAtMs = query.value(10).toLongLong();
    return token;
}

} // namespace

std::optional<qint64> ApiTokenRepository::insert(const ApiTokenRecord& token)
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query,
                      QStringLiteral("INSERT INTO api_tokens (name, token_hash, hint, permissions, created_by, "
                                     "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                      {SqlUtil::text(token.name), token.tokenHash, SqlUtil::text(token.hint),
                       SqlUtil::text(token.permissions.join(u' ')), token.createdBy, token.createdAtMs,
                       token.expiresAtMs},
                      "api_tokens.insert"))
        return std::nullopt;
    const qint64 id = SqlUtil::firstInteger(query, "api_tokens.insert");
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

std::optional<std::vector<ApiTokenRecord>> ApiTokenRepository::all()
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query, kSelect + QLatin1String(" ORDER BY id"), {}, "api_tokens.all"))
        return std::nullopt;
    std::vector<ApiTokenRecord> tokens;
    while (query.next())
        tokens.push_back(toRecord(query));
    return tokens;
}

bool ApiTokenRepository::revoke(qint64 id, qint64 atMs)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query, QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = 0"),
                        {atMs, id}, "api_tokens.revoke")
        && query.numRowsAffected() == 1;
}

bool ApiTokenRepository::recordUse(const std::vector<ApiTokenUse>& uses)
{
    if (uses.empty())
        return true;
    return m_database.transaction([&uses](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!SqlUtil::prepare(query,
                              QStringLiteral("UPDATE api_tokens SET last_used_at = ?, last_used_ip = ? "
                                             "WHERE id = ? AND last_used_at < ?"),
                              "api_tokens.recordUse"))
            return false;
        for (const ApiTokenUse& use : uses) {
            if (!SqlUtil::execute(query, {use.atMs, SqlUtil::text(use.ip), use.id, use.atMs}, "api_tokens.recordUse"))
                return false;
        }
        return true;
    });
}
