#pragma once

#include "values/ratelimiteventrecord.h"

#include <QString>

#include <optional>
#include <vector>

class Database;

class RateLimitEventRepository
{
public:
    explicit RateLimitEventRepository(Database& database) : m_database(database) {}

    bool append(const RateLimitEventRecord& event);
    bool append(const std::vector<RateLimitEventRecord>& events); // one transaction
    // Newest first; empty `clientIp` = all addresses.
    std::vector<RateLimitEventRecord> recent(qint64 sinceMs, int limit, const QString& clientIp = {});
    // Failures and unblocks since `sinceMs`, oldest first: an unblock (possibly written by
    // another process, `gatehoused ratelimit unblock`) ends the failures before it.
    // nullopt when the query failed, so the caller can tell that from "none".
    std::optional<std::vector<RateLimitEventRecord>> windowEventsSince(qint64 sinceMs);
    int purge(qint64 beforeMs); // returns how many were deleted, -1 on failure

private:
    Database& m_database;
};
