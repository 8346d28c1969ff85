#pragma once

#include <QList>
#include <QString>

// Writes many live sessions straight into a server's SQLite file (one transaction, through
// the storage layer's own repository), for tests and screenshots that need a crowd. The
// running server picks them up when its SessionStore is loaded again.
namespace SessionSeeder {

struct Plan
{
    int count = 0;
    QList<qint64> accountIds; // sessions go round-robin to these accounts
    qint64 nowMs = 0;         // the server's clock
    qint64 lifetimeMs = 8LL * 3600 * 1000;
};

// Returns how many were written (count unless the database refused).
int seed(const QString& sqlitePath, const Plan& plan);

} // namespace SessionSeeder
