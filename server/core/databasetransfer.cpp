#include "core/databasetransfer.h"

#include "storage/database.h"
#include "storage/databasecopy.h"

#include <memory>

namespace {

std::unique_ptr<Database> openMigrated(const QString& text, const char* role, QString* error)
{
    QString why;
    const auto location = DatabaseLocation::parse(text, &why);
    if (!location) {
        *error = QStringLiteral("%1: %2").arg(QLatin1String(role), why);
        return nullptr;
    }
    auto database = std::make_unique<Database>(*location);
    if (!database->migrate(&why)) {
        *error = QStringLiteral("%1 %2: %3").arg(QLatin1String(role), location->displayName(), why);
        return nullptr;
    }
    return database;
}

} // namespace

bool DatabaseTransfer::run(const QString& from, const QString& to, bool force,
                           const std::function<void(const Step&)>& progress, QString* error)
{
    const auto source = openMigrated(from, "--from", error);
    const auto target = source ? openMigrated(to, "--to", error) : nullptr;
    if (!target)
        return false;
    const QString targetName = target->location().displayName();
    if (source->location().displayName() == targetName) {
        *error = QStringLiteral("--from and --to are the same database");
        return false;
    }
    const qint64 rows = DatabaseCopy::rowCount(*target);
    if (rows < 0) {
        *error = QStringLiteral("cannot read %1").arg(targetName);
        return false;
    }
    if (rows > 0 && !force) {
        *error = QStringLiteral("%1 already holds %2 rows; --force empties it first").arg(targetName).arg(rows);
        return false;
    }
    if (rows > 0 && !DatabaseCopy::clear(*target, error))
        return false;
    return DatabaseCopy::copy(
        *source, *target,
        [&](const DatabaseCopy::Progress& step) {
            progress(Step{step.table, step.copied, step.total});
        },
        error);
}
