#pragma once

#include "values/apitokenrecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class Database;

// One use of a token, as the batched last-use writer hands it over.
struct ApiTokenUse
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString ip;
};

class ApiTokenRepository
{
public:
    explicit ApiTokenRepository(Database& database) : m_database(database) {}

    // The new token's id, or nullopt if the database refused it.
    std::optional<qint64> insert(const ApiTokenRecord& token);
    // Every token, revoked ones included (a revoked token presented again is then known as
    // revoked, not counted as a guess); nullopt on failure.
    std::optional<std::vector<ApiTokenRecord>> all();
    // True when the token existed unrevoked and is now revoked.
    bool revoke(qint64 id, qint64 atMs);
    // Batched last use: one transaction for many tokens; never moves last use backwards.
    bool recordUse(const std::vector<ApiTokenUse>& uses);

private:
    Database& m_database;
};
