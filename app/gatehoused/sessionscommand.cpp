#include "sessionscommand.h"

#include "commandcontext.h"
#include "output.h"

#include "server/core/accountstore.h"
#include "server/core/adminactions.h"
#include "server/core/auditlog.h"
#include "server/core/sessionstore.h"
#include "server/server.h"
#include "server/values/recordjson.h"

#include <QJsonArray>

namespace {

QString usernameOf(Server& server, qint64 accountId)
{
    const AccountRecord* account = server.accounts().byId(accountId);
    return account ? account->username : QString();
}

// The REST object without "current": a command has no session of its own.
QJsonObject sessionJson(const SessionRecord& session, const QString& username)
{
    QJsonObject object = RecordJson::session(session, username, false);
    object.remove(QStringLiteral("current"));
    return object;
}

int listSessions(CommandContext& context)
{
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const std::vector<SessionRecord> sessions = server->sessions().list();
    if (context.json()) {
        QJsonArray list;
        for (const SessionRecord& session : sessions)
            list.append(sessionJson(session, usernameOf(*server, session.accountId)));
        Output::printJson({{QStringLiteral("sessions"), list}});
        return ExitOk;
    }
    Output::Table table({CommandContext::tr("ID"), CommandContext::tr("USER"), CommandContext::tr("DIALECT"),
                         CommandContext::tr("CLIENT IP"), CommandContext::tr("CREATED"),
                         CommandContext::tr("LAST SEEN"), CommandContext::tr("EXPIRES"),
                         CommandContext::tr("USER AGENT")});
    for (const SessionRecord& session : sessions) {
        table.addRow({session.id, usernameOf(*server, session.accountId), session.dialect, session.clientIp,
                      Output::tableTime(session.createdAtMs), Output::tableTime(session.lastSeenAtMs),
                      Output::tableTime(session.expiresAtMs), session.userAgent});
    }
    table.print();
    return ExitOk;
}

int revokeSession(CommandContext& context)
{
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const QString id = context.argument(0);
    const SessionRecord* session = server->sessions().find(id);
    if (!session)
        return context.fail(CommandContext::tr("no live session \"%1\"").arg(id));
    const QString username = usernameOf(*server, session->accountId);
    // Committed here; a running server drops it from its cache at its next poll (~1 s).
    if (AdminActions::revokeSession(server->sessions(), server->accounts(), server->audit(), id,
                                    CommandContext::actor().username, {}))
        return context.fail(CommandContext::tr("storage refused the change, nothing was changed"), ExitFailure);
    if (context.json())
        Output::printJson(
            {{QStringLiteral("revoked"), QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("user"), username}}}});
    else
        Output::printLine(CommandContext::tr("session %1 of %2 revoked").arg(id, username));
    return ExitOk;
}

} // namespace

int runSessionsCommand(const Config& config, const Options& options)
{
    const std::vector<Subcommand> subcommands = {
        {QStringLiteral("list"), {}, {}, &listSessions},
        {QStringLiteral("revoke"), {QStringLiteral("ID")}, {}, &revokeSession},
    };
    return runSubcommand(QStringLiteral("sessions"), subcommands, config, options);
}
