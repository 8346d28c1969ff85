#include "core/keycheck.h"

#include "crypto/constanttime.h"
#include "storage/database.h"
#include "storage/settingsrepository.h"

namespace {
const QString kSetting = QStringLiteral("key_check_value");
}

bool KeyCheck::verify(Database& database, const QString& checkValue, QString* error)
{
    if (database.location().engine != DatabaseLocation::Engine::Postgres)
        return true;
    SettingsRepository settings(database);
    // Whoever records first wins; everyone compares with what is recorded then.
    if (!settings.setIfAbsent(kSetting, checkValue)) {
        *error = QStringLiteral("cannot record the key check value in %1").arg(database.location().displayName());
        return false;
    }
    const std::optional<QString> recorded = settings.value(kSetting);
    if (!recorded) {
        *error = QStringLiteral("cannot read the key check value from %1").arg(database.location().displayName());
        return false;
    }
    // In constant time, as every comparison of values derived from keys.
    if (constantTimeEquals(recorded->toLatin1(), checkValue.toLatin1()))
        return true;
    *error = QStringLiteral("this instance's keys differ from those of the others on %1 (key check value): give "
                            "every instance the same secret_key_file and SECRET_KEY")
                 .arg(database.location().displayName());
    return false;
}
