#include "config/config.h"

#include <QDir>

DatabaseLocation Config::databaseLocation() const
{
    QString error;
    if (const auto location = DatabaseLocation::parse(database, &error))
        return *location; // the loader accepted nothing else
    return DatabaseLocation::sqliteFile(QDir(dataDir).filePath(QStringLiteral("gatehouse.db")));
}

QString Config::sqlitePath() const
{
    return databaseLocation().sqlitePath;
}
