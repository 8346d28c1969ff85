#pragma once

#include <QString>

#include <optional>

class Database;

// Small persistent key/value settings changed at run time (not the configuration file).
class SettingsRepository
{
public:
    explicit SettingsRepository(Database& database) : m_database(database) {}

    std::optional<QString> value(const QString& key);
    bool setValue(const QString& key, const QString& value);
    // Sets the value only where the key is not set yet; true also when it was (nothing changed).
    bool setIfAbsent(const QString& key, const QString& value);
    bool remove(const QString& key); // true also when the key was not set

private:
    Database& m_database;
};
