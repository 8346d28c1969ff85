#include "sessionseeder.h"

#include "server/storage/database.h"
#include "server/storage/sessionrepository.h"

namespace SessionSeeder {

namespace {

const char* const Dialects[] = {"flex", "rest", "manager"};
const char* const Agents[] = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "curl/7.88.1",
                              "encoder-remote/2.3 (Android 14)", "python-requests/2.31.0"};

SessionRecord recordFor(const Plan& plan, int i)
{
    SessionRecord session;
    session.id = QStringLiteral("seeded-%1").arg(i, 7, 10, QLatin1Char('0'));
    session.accountId = plan.accountIds.at(i % plan.accountIds.size());
    session.dialect = QLatin1String(Dialects[i % 3]);
    session.clientIp = QStringLiteral("10.%1.%2.%3").arg(i / 65536 % 256).arg(i / 256 % 256).arg(i % 256);
    session.userAgent = QLatin1String(Agents[i % 4]);
    session.createdAtMs = plan.nowMs - qint64(plan.count - i) * 1000; // one a second, oldest first
    session.lastSeenAtMs = session.createdAtMs;
    session.expiresAtMs = plan.nowMs + plan.lifetimeMs;
    return session;
}

} // namespace

int seed(const QString& sqlitePath, const Plan& plan)
{
    Database database(sqlitePath);
    SessionRepository repository(database);
    int written = 0;
    // The repository's insert uses this thread's connection, which the transaction holds.
    const bool committed = database.transaction([&](QSqlDatabase&) {
        for (int i = 0; i < plan.count; ++i) {
            if (!repository.insert(recordFor(plan, i)))
                return false;
            ++written;
        }
        return true;
    });
    return committed ? written : 0;
}

} // namespace SessionSeeder
