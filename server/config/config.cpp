#include "config/config.h"

#include <QDir>

QString Config::sqlitePath() const
{
    if (database.startsWith(QLatin1String("sqlite:")))
        return database.mid(7);
    return QDir(dataDir).filePath(QStringLiteral("gatehouse.db"));
}
