#pragma once

#include <QString>

#include <functional>

class Database;

// Copies every row of every table from one migrated database into another, ids included,
// whatever the two engines (`gatehoused migrate`): SQLite to PostgreSQL and back.
namespace DatabaseCopy {

struct Progress
{
    QString table;
    qint64 copied = 0;
    qint64 total = 0;
};

// The number of rows in the tables a copy fills; -1 if it cannot be read.
qint64 rowCount(Database& database);
// Empties the tables a copy fills (for --force), in one transaction.
bool clear(Database& target, QString* error);
// Copies in batches, each committed on its own; `progress` is told after each batch.
bool copy(Database& source, Database& target, const std::function<void(const Progress&)>& progress, QString* error);

} // namespace DatabaseCopy
