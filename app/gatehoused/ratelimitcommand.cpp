#include "ratelimitcommand.h"

#include "commandcontext.h"
#include "output.h"

#include "server/core/adminactions.h"
#include "server/core/auditlog.h"
#include "server/core/ratelimiter.h"
#include "server/server.h"
#include "server/values/recordjson.h"

#include <QHostAddress>
#include <QJsonArray>

namespace {

// As many as GET /api/ratelimit/events answers by default.
constexpr int RecentEvents = 100;

void printJson(RateLimiter& limiter, const QStringList& locked, const std::vector<RateLimitEventRecord>& events)
{
    QJsonArray blocks;
    for (const QString& ip : locked)
        blocks.append(QJsonObject{{QStringLiteral("ip"), ip},
                                  {QStringLiteral("retry_after_seconds"), limiter.lockedFor(ip).value_or(0)}});
    QJsonArray recent;
    for (const RateLimitEventRecord& event : events)
        recent.append(RecordJson::rateLimitEvent(event));
    Output::printJson({{QStringLiteral("blocks"), blocks}, {QStringLiteral("events"), recent}});
}

void printTables(RateLimiter& limiter, const QStringList& locked, const std::vector<RateLimitEventRecord>& events)
{
    Output::printLine(CommandContext::tr("Locked addresses:"));
    Output::Table blocks({CommandContext::tr("IP"), CommandContext::tr("RETRY AFTER (S)")});
    for (const QString& ip : locked)
        blocks.addRow({ip, QString::number(limiter.lockedFor(ip).value_or(0))});
    blocks.print();
    Output::printLine(CommandContext::tr("\nRecent events (newest first, at most %1):").arg(RecentEvents));
    Output::Table recent({CommandContext::tr("AT"), CommandContext::tr("CLIENT IP"), CommandContext::tr("KIND"),
                          CommandContext::tr("DIALECT"), CommandContext::tr("USERNAME"), CommandContext::tr("DETAIL")});
    for (const RateLimitEventRecord& event : events)
        recent.addRow(
            {Output::tableTime(event.atMs), event.clientIp, event.kind, event.dialect, event.username, event.detail});
    recent.print();
}

int listBlocks(CommandContext& context)
{
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    // The windows were rebuilt from the log when storage opened: a running server's failures
    // are there once it has written them (it batches them, at most a second).
    RateLimiter& limiter = server->limiter();
    QStringList locked = limiter.lockedIps();
    locked.sort();
    const std::vector<RateLimitEventRecord> events = limiter.recentEvents(0, RecentEvents);
    if (context.json())
        printJson(limiter, locked, events);
    else
        printTables(limiter, locked, events);
    return ExitOk;
}

// The address as the server writes it (e.g. "::ffff:192.0.2.1" is 192.0.2.1), "" if it is none.
QString canonicalAddress(const QString& text)
{
    const QHostAddress address(text);
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return address.isNull() ? QString() : (isV4 ? QHostAddress(v4) : address).toString();
}

int unblock(CommandContext& context)
{
    const QString ip = canonicalAddress(context.argument(0));
    if (ip.isEmpty())
        return context.fail(CommandContext::tr("\"%1\" is not an IP address").arg(context.argument(0)));
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    // Written to the shared log: a running server rebuilds its windows from it at its next poll.
    if (const auto error =
            AdminActions::unblock(server->limiter(), server->audit(), ip, CommandContext::actor().username, {})) {
        return error->code == AuthError::Code::NotFound ? context.fail(CommandContext::tr("%1 is not blocked").arg(ip))
                                                        : context.fail(*error);
    }
    if (context.json())
        Output::printJson({{QStringLiteral("unblocked"), ip}});
    else
        Output::printLine(CommandContext::tr("%1 unblocked").arg(ip));
    return ExitOk;
}

} // namespace

int runRateLimitCommand(const Config& config, const Options& options)
{
    const std::vector<Subcommand> subcommands = {
        {QStringLiteral("list"), {}, {}, &listBlocks},
        {QStringLiteral("unblock"), {QStringLiteral("IP")}, {}, &unblock},
    };
    return runSubcommand(QStringLiteral("ratelimit"), subcommands, config, options);
}
