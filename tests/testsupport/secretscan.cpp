#include "secretscan.h"

#include "jwtforge.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

void SecretScan::addSecret(const QString& label, const QByteArray& secret)
{
    if (!secret.isEmpty())
        m_needles.append({label, secret});
}

void SecretScan::addPassword(const QString& label, const QString& password)
{
    const QByteArray utf8 = password.toUtf8();
    addSecret(label + QStringLiteral(" (utf-8)"), utf8);
    addSecret(label + QStringLiteral(" (utf-16)"),
              QByteArray(reinterpret_cast<const char*>(password.utf16()), password.size() * 2));
    addSecret(label + QStringLiteral(" (hex)"), utf8.toHex());
    addSecret(label + QStringLiteral(" (base64)"), utf8.toBase64(QByteArray::OmitTrailingEquals));
    addSecret(label + QStringLiteral(" (base64url)"), JwtForge::base64Url(utf8));
}

void SecretScan::addToken(const QString& label, const QByteArray& token)
{
    addSecret(label + QStringLiteral(" (whole token)"), token);
    addSecret(label + QStringLiteral(" (signature)"), JwtForge::signaturePart(token));
}

QStringList SecretScan::findIn(const QByteArray& haystack) const
{
    QStringList found;
    for (const Needle& needle : m_needles) {
        if (haystack.contains(needle.bytes))
            found << needle.label;
    }
    return found;
}

QByteArray SecretScan::readFileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

static QByteArray dumpTables(QSqlDatabase& db, QStringList* tableNames)
{
    QByteArray out;
    const QStringList tables = db.tables(QSql::Tables);
    if (tableNames)
        *tableNames = tables;
    for (const QString& table : tables) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)))
            continue;
        while (query.next()) {
            const QSqlRecord record = query.record();
            out += table.toUtf8();
            for (int i = 0; i < record.count(); ++i) {
                const QVariant value = record.value(i);
                const QByteArray bytes =
                    value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
                out += '|' + record.fieldName(i).toUtf8() + '=' + bytes;
            }
            out += '\n';
        }
    }
    return out;
}

// Works on a copy (database and WAL), so a running server is never disturbed and the
// WAL's recent writes are included.
template <typename Work>
static auto withSqliteCopy(const QString& path, Work work)
{
    decltype(work(std::declval<QSqlDatabase&>())) result{};
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.db"));
    if (!QFile::copy(path, copy))
        return result;
    QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal"));
    const QString name = QStringLiteral("secretscan-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(copy);
        if (db.open())
            result = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QByteArray SecretScan::dumpSqlite(const QString& path, QStringList* tableNames)
{
    return withSqliteCopy(path, [tableNames](QSqlDatabase& db) { return dumpTables(db, tableNames); });
}

int SecretScan::countRows(const QString& path, const QString& nameContains)
{
    return withSqliteCopy(path, [&nameContains](QSqlDatabase& db) {
        const QStringList tables = db.tables(QSql::Tables);
        for (const QString& table : tables) {
            if (!table.contains(nameContains, Qt::CaseInsensitive))
                continue;
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table)) && query.next())
                return query.value(0).toInt();
        }
        return -1;
    });
}
