#pragma once

#include <QString>

#include <vector>

class Database;

// The rate-limit log: every failed authentication, lockout, throttled request and
// unblock. Kept 30 days. Never holds a password or token: `username` is the name a
// client tried, `detail` a fixed description.
struct RateLimitEventRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString clientIp;
    QString kind;     // "failure" | "lockout" | "throttled" | "unblock"
    QString dialect;  // "flex" | "rest" | "manager" | "" (global)
    QString username; // attempted account name, may be empty
    QString detail;
};

class RateLimitEventRepository
{
public:
    explicit RateLimitEventRepository(Database& database) : m_database(database) {}

    bool append(const RateLimitEventRecord& event);
    bool append(const std::vector<RateLimitEventRecord>& events); // one transaction
    // Newest first; empty `clientIp` = all addresses.
    std::vector<RateLimitEventRecord> recent(qint64 sinceMs, int limit, const QString& clientIp = {});
    // Failures since `sinceMs`, oldest first: lets the limiter rebuild its windows after a restart.
    std::vector<RateLimitEventRecord> failuresSince(qint64 sinceMs);
    int purge(qint64 beforeMs); // returns how many were deleted, -1 on failure

private:
    Database& m_database;
};
