#include "tokenscommand.h"

#include "commandcontext.h"
#include "options.h"
#include "output.h"

#include "server/config/configloader.h"
#include "server/core/accountstore.h"
#include "server/core/apitokenservice.h"
#include "server/core/clock.h"
#include "server/server.h"
#include "server/values/decimal.h"
#include "server/values/isotime.h"
#include "server/values/recordjson.h"

#include <QJsonArray>

#include <cstdio>

namespace {

QJsonObject tokenJson(Server& server, const ApiTokenRecord& token)
{
    return RecordJson::apiToken(token, server.apiTokens().creatorName(token));
}

int listTokens(CommandContext& context)
{
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const std::vector<ApiTokenRecord> tokens = server->apiTokens().list();
    if (context.json()) {
        QJsonArray list;
        for (const ApiTokenRecord& token : tokens)
            list.append(tokenJson(*server, token));
        Output::printJson({{QStringLiteral("tokens"), list}});
        return ExitOk;
    }
    Output::Table table({CommandContext::tr("ID"), CommandContext::tr("NAME"), CommandContext::tr("PERMISSIONS"),
                         CommandContext::tr("HINT"), CommandContext::tr("CREATED"), CommandContext::tr("EXPIRES"),
                         CommandContext::tr("LAST USED"), CommandContext::tr("LAST IP")});
    for (const ApiTokenRecord& token : tokens) {
        table.addRow({QString::number(token.id), token.name, token.permissions.join(u','), token.hint,
                      Output::tableTime(token.createdAtMs), Output::tableTime(token.expiresAtMs),
                      Output::tableTime(token.lastUsedAtMs),
                      token.lastUsedIp.isEmpty() ? QStringLiteral("-") : token.lastUsedIp});
    }
    table.print();
    return ExitOk;
}

// --expires as a duration from now ("30d") or an ISO time; 0 = never.
std::optional<qint64> expiryFrom(const QString& text, qint64 nowMs)
{
    if (text.isEmpty())
        return 0;
    if (const auto secs = parseDuration(text))
        return nowMs + *secs * 1000;
    return parseIsoTime(text);
}

int createToken(CommandContext& context)
{
    const Options& options = context.options();
    QStringList permissions;
    for (const QString& value : options.values(QStringLiteral("perm")))
        for (const QString& item : value.split(u',', Qt::SkipEmptyParts))
            permissions.append(item.trimmed());
    if (!options.isSet(QStringLiteral("name")) || permissions.isEmpty())
        return context.fail(CommandContext::tr("--name and at least one --perm RES:ACTION are required"));
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const auto expiresAtMs = expiryFrom(options.value(QStringLiteral("expires")), SystemClock().nowMs());
    if (!expiresAtMs)
        return context.fail(CommandContext::tr("--expires must be a duration such as 30d or an ISO 8601 time"));
    // The command line acts as the admin account; the audit log names it "cli".
    Principal creator = CommandContext::actor();
    creator.accountId = server->accounts().admin().id;
    const CreateTokenResult result = server->apiTokens().create(
        creator, NewApiToken{options.value(QStringLiteral("name")), permissions, *expiresAtMs}, {});
    if (const auto* error = std::get_if<AuthError>(&result))
        return context.fail(*error);
    const auto& created = std::get<CreatedApiToken>(result);
    if (context.json()) {
        Output::printJson({{QStringLiteral("token"), tokenJson(*server, created.token)},
                           {QStringLiteral("secret"), QString::fromLatin1(created.secret)}});
        return ExitOk;
    }
    // The secret alone on stdout, so `TOKEN=$(gatehoused tokens create ...)` works; the
    // rest is for the person at the terminal.
    Output::printLine(QString::fromLatin1(created.secret));
    const QString note =
        CommandContext::tr("API token %1 \"%2\" created with %3.\nThis secret is shown once and "
                           "cannot be recovered: store it now.")
            .arg(QString::number(created.token.id), created.token.name, created.token.permissions.join(u','));
    std::fprintf(stderr, "%s\n", qPrintable(note));
    return ExitOk;
}

int revokeToken(CommandContext& context)
{
    const std::optional<qint64> id = Decimal::parse(context.argument(0));
    if (!id)
        return context.fail(CommandContext::tr("ID must be a token's number (see tokens list)"));
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    // Committed here; a running server picks it up at its next poll (~1 s).
    if (const auto error = server->apiTokens().revoke(CommandContext::actor(), *id, {}))
        return context.fail(*error);
    if (context.json())
        Output::printJson({{QStringLiteral("revoked"), QJsonObject{{QStringLiteral("id"), *id}}}});
    else
        Output::printLine(CommandContext::tr("API token %1 revoked").arg(*id));
    return ExitOk;
}

} // namespace

int runTokensCommand(const Config& config, const Options& options)
{
    const std::vector<Subcommand> subcommands = {
        {QStringLiteral("list"), {}, {}, &listTokens},
        {QStringLiteral("create"),
         {},
         {QStringLiteral("name"), QStringLiteral("perm"), QStringLiteral("expires")},
         &createToken},
        {QStringLiteral("revoke"), {QStringLiteral("ID")}, {}, &revokeToken},
    };
    return runSubcommand(QStringLiteral("tokens"), subcommands, config, options);
}
