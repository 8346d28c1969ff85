#pragma once

#include "values/oidcidentityrecord.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

class Database;

// The oidc_identities table: which account an (issuer, subject) pair logs in as.
class OidcIdentityRepository
{
public:
    explicit OidcIdentityRepository(Database& database) : m_database(database) {}

    // The linked account's id: 0 when the pair is unknown, nullopt when the read failed.
    std::optional<qint64> accountFor(const QString& issuer, const QString& subject);
    // Inside Database::transaction(): false when the pair exists already or on failure.
    static bool insert(QSqlDatabase& db, const OidcIdentityRecord& identity);
    // Every identity (for the panel and the CLI); nullopt on failure.
    std::optional<std::vector<OidcIdentityRecord>> all();

private:
    Database& m_database;
};
