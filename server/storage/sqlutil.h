#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <optional>
#include <vector>

// Helpers shared by the repositories. Every statement is prepared and takes its data as
// bound values; every failure is logged under `what` (e.g. "accounts.insert") with the
// driver's message and never with the values, which may be password or token hashes.
namespace SqlUtil {

bool prepare(QSqlQuery& query, const QString& statement, const char* what);
// Binds `values` to the positional placeholders of a prepared query and executes it.
bool execute(QSqlQuery& query, std::initializer_list<QVariant> values, const char* what);
// A statement without values run as it is: transaction control and schema statements,
// which PostgreSQL does not prepare.
bool runUnprepared(QSqlQuery& query, const QString& statement, const char* what);
// prepare() then execute().
bool run(QSqlQuery& query, const QString& statement, std::initializer_list<QVariant> values, const char* what);

// A null QString binds as SQL NULL; columns that are NOT NULL take an empty string instead.
QVariant text(const QString& value);

// Both read a statement to its end and check it finished without an error. That matters for
// INSERT/UPDATE ... RETURNING: SQLite makes the change and hands out the first row before the
// statement completes, and outside a transaction it commits only when the statement completes
// (the step after the last row). A commit that fails there (a full disk) is reported on that
// step only: reading just the first row would take an id for a row that was rolled back.
// The first column of every row as text (e.g. ids from UPDATE ... RETURNING id); nullopt on failure.
std::optional<std::vector<QString>> firstColumnTexts(QSqlQuery& query, const char* what);
// The first column of the first row as an integer; 0 when there is none, or on failure.
qint64 firstInteger(QSqlQuery& query, const char* what);

} // namespace SqlUtil
