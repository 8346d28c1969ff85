#include "storage/databasecopy.h"

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

constexpr int BatchRows = 1000;

bool fail(QString* error, const QString& message)
{
    *error = message;
    return false;
}

qint64 countRows(Database& database, const char* table)
{
    QSqlQuery query(database.connection());
    if (!SqlUtil::run(query, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)), {}, "copy.count")
        || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// The statement inserting one row with `record`'s columns, by name: the two schemas are the
// same version, but their column order may differ (a column added by a later step).
QString insertStatement(const char* table, const QSqlRecord& record)
{
    QStringList columns;
    QStringList marks;
    for (int i = 0; i < record.count(); ++i) {
        columns.append(record.fieldName(i));
        marks.append(QStringLiteral("?"));
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(QLatin1String(table), columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
}

bool insertBatch(Database& target, const QString& statement, const std::vector<QSqlRecord>& rows, QString* error)
{
    return target.transaction([&](QSqlDatabase& db) {
        QSqlQuery insert(db);
        if (!SqlUtil::prepare(insert, statement, "copy.insert"))
            return fail(error, insert.lastError().text());
        for (const QSqlRecord& row : rows) {
            for (int i = 0; i < row.count(); ++i)
                insert.bindValue(i, row.value(i));
            if (!insert.exec())
                return fail(error, insert.lastError().text());
        }
        return true;
    });
}

bool copyTable(Database& source, Database& target, const Migrations::Table& table,
               const std::function<void(const DatabaseCopy::Progress&)>& progress, QString* error)
{
    DatabaseCopy::Progress done{QLatin1String(table.name), 0, countRows(source, table.name)};
    if (done.total < 0)
        return fail(error, QStringLiteral("cannot count the rows of %1").arg(done.table));
    QSqlQuery select(source.connection());
    select.setForwardOnly(true); // rows stream through; a million sessions need not fit in memory
    if (!SqlUtil::run(select, QStringLiteral("SELECT * FROM %1").arg(done.table), {}, "copy.select"))
        return fail(error, QStringLiteral("cannot read %1: %2").arg(done.table, select.lastError().text()));
    QString statement;
    std::vector<QSqlRecord> batch;
    const auto flush = [&] {
        if (batch.empty())
            return true;
        if (!insertBatch(target, statement, batch, error)) {
            *error = QStringLiteral("cannot write %1: %2").arg(done.table, *error);
            return false;
        }
        done.copied += qint64(batch.size());
        batch.clear();
        progress(done);
        return true;
    };
    while (select.next()) {
        if (statement.isEmpty())
            statement = insertStatement(table.name, select.record());
        batch.push_back(select.record());
        if (int(batch.size()) == BatchRows && !flush())
            return false;
    }
    if (!flush())
        return false;
    if (done.copied == 0)
        progress(done);
    if (!table.generatedId || target.dialect().resetIdSequence.isEmpty())
        return true;
    QSqlQuery reset(target.connection());
    if (!SqlUtil::run(reset, target.dialect().resetIdSequence.arg(done.table), {}, "copy.resetSequence"))
        return fail(error,
                    QStringLiteral("cannot continue the ids of %1: %2").arg(done.table, reset.lastError().text()));
    return true;
}

} // namespace

qint64 DatabaseCopy::rowCount(Database& database)
{
    qint64 rows = 0;
    for (const Migrations::Table& table : Migrations::tables()) {
        const qint64 count = countRows(database, table.name);
        if (count < 0)
            return -1;
        rows += count;
    }
    return rows;
}

bool DatabaseCopy::clear(Database& target, QString* error)
{
    const auto& tables = Migrations::tables();
    return target.transaction([&](QSqlDatabase& db) {
        for (auto it = tables.rbegin(); it != tables.rend(); ++it) { // the referring tables first
            QSqlQuery query(db);
            if (!SqlUtil::run(query, QStringLiteral("DELETE FROM %1").arg(QLatin1String(it->name)), {}, "copy.clear"))
                return fail(
                    error,
                    QStringLiteral("cannot empty %1: %2").arg(QLatin1String(it->name), query.lastError().text()));
        }
        return true;
    });
}

bool DatabaseCopy::copy(Database& source, Database& target, const std::function<void(const Progress&)>& progress,
                        QString* error)
{
    for (const Migrations::Table& table : Migrations::tables()) {
        if (!copyTable(source, target, table, progress, error))
            return false;
    }
    return true;
}
