#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <vector>

// Helpers shared by the repositories. Every statement is prepared and takes its data as
// bound values; every failure is logged under `what` (e.g. "accounts.insert") with the
// driver's message and never with the values, which may be password or token hashes.
namespace SqlUtil {

bool prepare(QSqlQuery& query, const QString& statement, const char* what);
// Binds `values` to the positional placeholders of a prepared query and executes it.
bool execute(QSqlQuery& query, std::initializer_list<QVariant> values, const char* what);
// prepare() then execute().
bool run(QSqlQuery& query, const QString& statement, std::initializer_list<QVariant> values, const char* what);

// A null QString binds as SQL NULL; columns that are NOT NULL take an empty string instead.
QVariant text(const QString& value);
// The first column of every remaining row as text (e.g. ids from UPDATE ... RETURNING id).
std::vector<QString> firstColumnTexts(QSqlQuery& query);
// The first column of the next row as an integer, or 0 when there is none.
qint64 firstInteger(QSqlQuery& query);

} // namespace SqlUtil
