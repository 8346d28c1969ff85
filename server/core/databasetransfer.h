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

// False with a one-line reason (never a password) on failure.
bool run(const QString& from, const QString& to, bool force, const std::function<void(const Step&)>& progress,
         QString* error);

} // namespace DatabaseTransfer
