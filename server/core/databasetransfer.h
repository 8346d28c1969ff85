#pragma once

#include <QString>

#include <functional>

// `gatehoused migrate --from LOCATION --to LOCATION [--force]`: both databases brought to
// the newest schema, then every row copied, ids included (SQLite to PostgreSQL and back).
// A target that holds any row is refused unless `force` (then it is emptied first), so a
// mistyped --to never merges two services' accounts. The source is only read (after its
// schema is brought up to date, as a server starting on it would).
namespace DatabaseTransfer {

struct Step
{
    QString table;
    qint64 copied = 0;
    qint64 total = 0;
};

enum class Outcome {
    Copied,
    BadInput,     // a location that does not parse, a SQLite source that does not exist, the same
                  // database twice, a target holding rows without `force`: nothing was written
    StorageFailed // a database could not be opened, migrated, read or written
};

// Outcome::Copied, or the reason in one line (never a password) in *error. A copy that fails
// part of the way leaves the target partly filled (each batch is committed): run it again
// with `force`.
Outcome run(const QString& from, const QString& to, bool force, const std::function<void(const Step&)>& progress,
            QString* error);

} // namespace DatabaseTransfer
