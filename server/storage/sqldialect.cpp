#include "storage/sqldialect.h"

#include "storage/storagelog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyDir = kOwnerOnlyFile | QFileDevice::ExeOwner;

// The database holds password hashes and session data: its directory is created 0700 and
// the file 0600 before SQLite touches it (SQLite gives its -wal and -shm files the mode of
// the database file), so no other local user can ever read it.
bool prepareSqliteFile(const QString& path)
{
    if (path == QLatin1String(":memory:"))
        return true;
    const QFileInfo info(path);
    if (info.exists())
        return true;
    const QString directory = info.absolutePath();
    if (!QFileInfo::exists(directory)) {
        if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, kOwnerOnlyDir)) {
            qCWarning(lcStorage) << "cannot create the database directory" << directory;
            return false;
        }
    }
    QFile file(path);
    // NewOnly: if another process created the file meanwhile, leave it (and its mode) alone.
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnlyFile)) {
        file.close();
        return QFile::setPermissions(path, kOwnerOnlyFile);
    }
    if (QFileInfo::exists(path))
        return true;
    qCWarning(lcStorage) << "cannot create the database file" << path << ":" << file.errorString();
    return false;
}

SqlDialect makeSqlite()
{
    SqlDialect dialect;
    dialect.driver = QStringLiteral("QSQLITE");
    // IMMEDIATE takes the write lock at BEGIN, so a writer waits (busy_timeout) instead of
    // failing with "database is locked" when it upgrades from reading to writing.
    dialect.beginWrite = QStringLiteral("BEGIN IMMEDIATE");
    // busy_timeout first: switching to WAL needs a lock another connection may hold.
    // WAL + synchronous=FULL: a committed write survives a crash or a power cut.
    dialect.onOpen = {QStringLiteral("PRAGMA busy_timeout = 5000"), QStringLiteral("PRAGMA journal_mode = WAL"),
                      QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON")};
    dialect.autoIdColumn = QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    dialect.blobType = QStringLiteral("BLOB");
    dialect.changeCounterQuery = QStringLiteral("PRAGMA data_version");
    dialect.prepareLocation = prepareSqliteFile;
    return dialect;
}

} // namespace

QString SqlDialect::adapt(QLatin1String ddl) const
{
    QString statement(ddl);
    statement.replace(QLatin1String("{autoid}"), autoIdColumn);
    statement.replace(QLatin1String("{blob}"), blobType);
    return statement;
}

const SqlDialect& SqlDialect::sqlite()
{
    static const SqlDialect dialect = makeSqlite();
    return dialect;
}
