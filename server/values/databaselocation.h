#pragma once

#include <QString>

#include <optional>

// Where the database lives, as given by `--database` / GATEHOUSE_DATABASE:
//   sqlite:PATH                                          the embedded default
//   postgresql://user[:password]@host[:port]/dbname[?sslmode=...&...]
// The password may be left out: libpq then takes PGPASSWORD (or ~/.pgpass), which keeps
// it off the command line and out of `ps`. Query parameters are libpq connection
// options (sslmode, sslrootcert, connect_timeout, ...), passed through as given.
struct DatabaseLocation
{
    enum class Engine {
        Sqlite,
        Postgres
    };

    Engine engine = Engine::Sqlite;
    QString sqlitePath; // SQLite only
    // PostgreSQL only
    QString host;
    quint16 port = 5432;
    QString databaseName;
    QString user;
    QString password;       // "" = libpq's PGPASSWORD / ~/.pgpass
    QString connectOptions; // libpq "key=value" pairs, space-separated

    // nullopt, with a one-line reason in *error, for anything that is neither form.
    static std::optional<DatabaseLocation> parse(const QString& text, QString* error);
    static DatabaseLocation sqliteFile(const QString& path);

    // For logs and error messages: never the password.
    QString displayName() const;
};
