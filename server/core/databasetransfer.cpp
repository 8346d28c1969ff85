#include "core/databasetransfer.h"

#include "storage/database.h"
#include "storage/databasecopy.h"

#include <QFileInfo>

#include <memory>
#include <optional>

namespace {

using DatabaseTransfer::Outcome;

Outcome fail(QString* error, Outcome outcome, const QString& why)
{
    *error = why;
    return outcome;
}

std::optional<DatabaseLocation> parse(const QString& text, const char* role, QString* error)
{
    QString why;
    auto location = DatabaseLocation::parse(text, &why);
    if (!location)
        *error = QStringLiteral("%1: %2").arg(QLatin1String(role), why);
    return location;
}

std::unique_ptr<Database> openMigrated(const DatabaseLocation& location, QString* error)
{
    auto database = std::make_unique<Database>(location);
    QString why;
    if (!database->migrate(&why)) {
        const QString cause = database->lastOpenError().isEmpty() ? why : database->lastOpenError();
        *error = QStringLiteral("%1: %2").arg(location.displayName(), cause);
        return nullptr;
    }
    return database;
}

} // namespace

Outcome DatabaseTransfer::run(const QString& from, const QString& to, bool force,
                              const std::function<void(const Step&)>& progress, QString* error)
{
    const auto sourceLocation = parse(from, "--from", error);
    const auto targetLocation = sourceLocation ? parse(to, "--to", error) : std::nullopt;
    if (!targetLocation)
        return Outcome::BadInput;
    // Opening a SQLite file creates it: a mistyped --from would copy nothing and, with --force,
    // leave the target emptied.
    if (sourceLocation->engine == DatabaseLocation::Engine::Sqlite && !QFileInfo::exists(sourceLocation->sqlitePath))
        return fail(error, Outcome::BadInput,
                    QStringLiteral("--from: %1 does not exist").arg(sourceLocation->sqlitePath));
    const QString targetName = targetLocation->displayName();
    if (sourceLocation->displayName() == targetName)
        return fail(error, Outcome::BadInput, QStringLiteral("--from and --to are the same database"));
    const auto source = openMigrated(*sourceLocation, error);
    const auto target = source ? openMigrated(*targetLocation, error) : nullptr;
    if (!target)
        return Outcome::StorageFailed;
    const qint64 rows = DatabaseCopy::rowCount(*target);
    if (rows < 0)
        return fail(error, Outcome::StorageFailed, QStringLiteral("cannot read %1").arg(targetName));
    if (rows > 0 && !force)
        return fail(error, Outcome::BadInput,
                    QStringLiteral("%1 already holds %2 rows; --force empties it first").arg(targetName).arg(rows));
    if (rows > 0 && !DatabaseCopy::clear(*target, error))
        return Outcome::StorageFailed;
    const bool copied = DatabaseCopy::copy(
        *source, *target,
        [&](const DatabaseCopy::Progress& step) {
            progress(Step{step.table, step.copied, step.total});
        },
        error);
    return copied ? Outcome::Copied : Outcome::StorageFailed;
}
