#pragma once

#include <QSqlDatabase>
#include <QString>

#include <vector>

class Database;
struct SqlDialect;

// The schema, as an ordered list of steps (migrations.cpp). The `schema_version` table
// records every step applied; a database is at the highest version it holds.
namespace Migrations {

int latestVersion();
// The version `db` is at: 0 for a database without the table, -1 if it cannot be read.
int currentVersion(QSqlDatabase& db);
// Applies the missing steps, each in its own write transaction, re-checking the version
// inside it, so two processes starting at once apply every step exactly once.
bool apply(Database& database, const SqlDialect& dialect, QString* error);

// The tables of the newest schema, each after the tables it refers to (what a copy must
// follow), and whether the table has a generated `id` column.
struct Table
{
    const char* name;
    bool generatedId;
};
const std::vector<Table>& tables();

} // namespace Migrations
