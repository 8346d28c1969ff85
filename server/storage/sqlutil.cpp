#include "storage/sqlutil.h"

#include "storage/storagelog.h"

#include <QSqlError>

namespace SqlUtil {

namespace {

void logFailure(const QSqlQuery& query, const char* what)
{
    // lastError() holds the driver's message only; the bound values are deliberately not logged.
    qCWarning(lcStorage).noquote() << what << "failed:" << query.lastError().text();
}

} // namespace

bool prepare(QSqlQuery& query, const QString& statement, const char* what)
{
    query.setForwardOnly(true);
    if (query.prepare(statement))
        return true;
    logFailure(query, what);
    return false;
}

bool runUnprepared(QSqlQuery& query, const QString& statement, const char* what)
{
    if (query.exec(statement))
        return true;
    logFailure(query, what);
    return false;
}

bool execute(QSqlQuery& query, std::initializer_list<QVariant> values, const char* what)
{
    int position = 0;
    for (const QVariant& value : values)
        query.bindValue(position++, value);
    if (query.exec())
        return true;
    logFailure(query, what);
    return false;
}

bool run(QSqlQuery& query, const QString& statement, std::initializer_list<QVariant> values, const char* what)
{
    return prepare(query, statement, what) && execute(query, values, what);
}

QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

std::optional<std::vector<QString>> firstColumnTexts(QSqlQuery& query, const char* what)
{
    std::vector<QString> texts;
    while (query.next())
        texts.push_back(query.value(0).toString());
    if (!query.lastError().isValid())
        return texts;
    logFailure(query, what);
    return std::nullopt;
}

qint64 firstInteger(QSqlQuery& query, const char* what)
{
    const auto texts = firstColumnTexts(query, what);
    return texts && !texts->empty() ? texts->front().toLongLong() : 0;
}

} // namespace SqlUtil
