#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class Database;

// An API token as stored: never the secret, only its keyed hash (HMAC-SHA256 with the
// key store's pepper) and a short hint (prefix and last characters) that lets a person
// recognise it in a list.
struct ApiTokenRecord
{
    qint64 id = 0;
    QString name;
    QByteArray tokenHash;
    QString hint;            // e.g. "gatehouse_…x7Qa9Z"
    QStringList permissions; // "resource:action", sorted
    qint64 createdBy = 0;    // account id of the creator; the token dies with that account
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;  // 0 = never
    qint64 lastUsedAtMs = 0; // 0 = never used
    QString lastUsedIp;
    qint64 revokedAtMs = 0;  // 0 = not revoked

    bool liveAt(qint64 nowMs) const { return revokedAtMs == 0 && (expiresAtMs == 0 || nowMs < expiresAtMs); }
};

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
