#include "storage/settingsrepository.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

std::optional<QString> SettingsRepository::value(const QString& key)
{
    QSqlQuery query(m_database.connection());
    if (!SqlUtil::run(query, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {SqlUtil::text(key)},
                      "settings.value")
        || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

bool SettingsRepository::setValue(const QString& key, const QString& value)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query,
                        QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                        {SqlUtil::text(key), SqlUtil::text(value)}, "settings.setValue");
}

bool SettingsRepository::setIfAbsent(const QString& key, const QString& value)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query,
                        QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"),
                        {SqlUtil::text(key), SqlUtil::text(value)}, "settings.setIfAbsent");
}

bool SettingsRepository::remove(const QString& key)
{
    QSqlQuery query(m_database.connection());
    return SqlUtil::run(query, QStringLiteral("DELETE FROM settings WHERE key = ?"), {SqlUtil::text(key)},
                        "settings.remove");
}
