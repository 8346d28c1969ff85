#pragma once

#include "values/auditeventrecord.h"

#include <QString>

#include <vector>

class Database;

class AuditRepository
{
public:
    explicit AuditRepository(Database& database) : m_database(database) {}

    qint64 append(const AuditEventRecord& event); // returns the id, 0 on failure
    bool append(const std::vector<AuditEventRecord>& events);
    // Newest first, ids below `beforeId` (0 = from the newest).
    std::vector<AuditEventRecord> recent(int limit, qint64 beforeId = 0);
    int purge(qint64 beforeMs); // returns how many were deleted, -1 on failure

private:
    Database& m_database;
};
