#include "values/databaselocation.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace {

// libpq quotes a value with single quotes and backslash escapes.
QString quotedOption(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QLatin1String("\\\\"));
    escaped.replace(u'\'', QLatin1String("\\'"));
    return u'\'' + escaped + u'\'';
}

std::optional<DatabaseLocation> parsePostgres(const QString& text, QString* error)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString dbname = url.path(QUrl::FullyDecoded).mid(1);
    if (!url.isValid() || url.host().isEmpty() || dbname.isEmpty() || dbname.contains(u'/')) {
        *error = QStringLiteral("a PostgreSQL database is postgresql://user[:password]@host[:port]/dbname");
        return std::nullopt;
    }
    DatabaseLocation location;
    location.engine = DatabaseLocation::Engine::Postgres;
    location.host = url.host(QUrl::FullyDecoded);
    const int port = url.port(5432);
    if (port <= 0 || port > 65535) {
        *error = QStringLiteral("the PostgreSQL port must be 1-65535");
        return std::nullopt;
    }
    location.port = quint16(port);
    location.databaseName = dbname;
    location.user = url.userName(QUrl::FullyDecoded);
    location.password = url.password(QUrl::FullyDecoded);
    // Only plain option names: a name is written unquoted into libpq's connection string.
    static const QRegularExpression optionName(QStringLiteral("^[a-z_]{1,64}$"));
    QStringList options;
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!optionName.match(key).hasMatch()) {
            *error = QStringLiteral("%1 is not a PostgreSQL connection option").arg(key.left(64));
            return std::nullopt;
        }
        options.append(key + u'=' + quotedOption(value));
    }
    location.connectOptions = options.join(u' ');
    return location;
}

} // namespace

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString& text, QString* error)
{
    if (text.startsWith(QLatin1String("sqlite:")) && text.size() > 7)
        return sqliteFile(text.mid(7));
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://")))
        return parsePostgres(text, error);
    *error = QStringLiteral("the database is sqlite:PATH or postgresql://user@host[:port]/dbname");
    return std::nullopt;
}

DatabaseLocation DatabaseLocation::sqliteFile(const QString& path)
{
    DatabaseLocation location;
    location.sqlitePath = path;
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (engine == Engine::Sqlite)
        return sqlitePath;
    const QString who = user.isEmpty() ? QString() : user + u'@';
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(who, host).arg(port).arg(databaseName);
}
