#include "userscommand.h"

#include "commandcontext.h"
#include "options.h"
#include "output.h"

#include "server/core/accountservice.h"
#include "server/core/accountstore.h"
#include "server/core/passwordservice.h"
#include "server/core/permissions.h"
#include "server/server.h"
#include "server/values/recordjson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

// The verifier (PasswordHasher) refuses bcrypt costs above 18 (days of CPU at 31), so an
// import above it would be an account nobody can log in to.
constexpr int MaxBcryptCost = 18;

// Strictly "$2a$"/"$2b$"/"$2y$", a two-digit cost, 22 salt and 31 hash characters of
// bcrypt's base64. The last character of each carries unused bits that must be zero, so
// only a few letters can stand there: anything else is not a hash bcrypt produced.
bool isImportableBcrypt(const QByteArray& hash)
{
    static const QRegularExpression format(
        QStringLiteral(R"(^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{21}[.Oeu][./A-Za-z0-9]{30}[.CGKOSWaeimquy26]$)"));
    const QRegularExpressionMatch match = format.match(QString::fromLatin1(hash));
    if (!match.hasMatch())
        return false;
    const int cost = match.captured(1).toInt();
    return cost >= 4 && cost <= MaxBcryptCost;
}

int listUsers(CommandContext& context)
{
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const std::vector<AccountRecord> accounts = server->accountService().list();
    if (context.json()) {
        QJsonArray users;
        for (const AccountRecord& account : accounts)
            users.append(RecordJson::user(account));
        Output::printJson({{QStringLiteral("users"), users}});
        return ExitOk;
    }
    Output::Table table({CommandContext::tr("ID"), CommandContext::tr("USERNAME"), CommandContext::tr("ROLE"),
                         CommandContext::tr("FIRSTNAME"), CommandContext::tr("LASTNAME"),
                         CommandContext::tr("DISABLED"), CommandContext::tr("CREATED"), CommandContext::tr("UPDATED")});
    for (const AccountRecord& account : accounts) {
        table.addRow({QString::number(account.id), account.username, account.role, account.firstname, account.lastname,
                      account.disabled ? CommandContext::tr("yes") : CommandContext::tr("no"),
                      Output::tableTime(account.createdAtMs), Output::tableTime(account.updatedAtMs)});
    }
    table.print();
    return ExitOk;
}

// The new account's password hash: an imported bcrypt hash (checked, never echoed: it can be
// attacked offline) or the password from stdin, checked against the policy and hashed.
std::optional<QByteArray> newPasswordHash(const CommandContext& context, int* exitCode)
{
    const Options& options = context.options();
    if (!options.isSet(QStringLiteral("bcrypt-hash"))) {
        const auto password = context.readStdinLine(CommandContext::tr("password"), exitCode);
        if (!password)
            return std::nullopt;
        const PasswordService::HashResult result = PasswordService::hashPasswordNow(QString::fromUtf8(*password));
        if (const auto* failure = std::get_if<AuthError>(&result)) {
            *exitCode = context.fail(*failure);
            return std::nullopt;
        }
        return std::get<QByteArray>(result);
    }
    // "-" keeps the hash out of the process list and the shell history.
    QByteArray hash = options.value(QStringLiteral("bcrypt-hash")).toUtf8();
    if (hash == "-") {
        const auto line = context.readStdinLine(CommandContext::tr("bcrypt hash"), exitCode);
        if (!line)
            return std::nullopt;
        hash = *line;
    }
    if (!isImportableBcrypt(hash)) {
        *exitCode =
            context.fail(CommandContext::tr("malformed bcrypt hash (expected $2a$, $2b$ or $2y$, a cost of 04-%1 "
                                            "and 53 characters of bcrypt base64)")
                             .arg(MaxBcryptCost));
        return std::nullopt;
    }
    return hash;
}

// Checks what can be checked without storage or stdin, so a typo costs nothing.
std::optional<QString> checkNewUser(const CommandContext& context)
{
    if (!AccountService::isValidUsername(context.argument(0)))
        return CommandContext::tr("usernames are 1-64 characters: letters, digits, . _ - @");
    if (!context.options().isSet(QStringLiteral("role")))
        return CommandContext::tr("missing --role (%1)").arg(PermissionModel::roles().join(QLatin1String(", ")));
    const QString role = context.options().value(QStringLiteral("role"));
    if (!PermissionModel::isRole(role))
        return CommandContext::tr("unknown role \"%1\" (%2)")
            .arg(role, PermissionModel::roles().join(QLatin1String(", ")));
    return std::nullopt;
}

int addUser(CommandContext& context)
{
    if (const auto problem = checkNewUser(context))
        return context.fail(*problem);
    const QString username = context.argument(0);
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    if (server->accounts().byUsername(username))
        return context.fail(CommandContext::tr("user \"%1\" exists").arg(username));
    const auto hash = newPasswordHash(context, &exitCode);
    if (!hash)
        return exitCode;
    AccountRecord draft;
    draft.username = username;
    draft.role = context.options().value(QStringLiteral("role"));
    draft.firstname = context.options().value(QStringLiteral("firstname"));
    draft.lastname = context.options().value(QStringLiteral("lastname"));
    draft.passwordHash = *hash;
    const AccountResult result = server->accountService().create(draft, CommandContext::actor(), {});
    if (const auto* failure = std::get_if<AuthError>(&result))
        return context.fail(*failure);
    const AccountRecord& created = std::get<AccountRecord>(result);
    if (context.json())
        Output::printJson({{QStringLiteral("user"), RecordJson::user(created)}});
    else
        Output::printLine(
            CommandContext::tr("user %1 (%2) added, id %3").arg(created.username, created.role).arg(created.id));
    return ExitOk;
}

int removeUser(CommandContext& context)
{
    int exitCode = ExitOk;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const QString username = context.argument(0);
    const AccountRecord* account = server->accounts().byUsername(username);
    if (!account)
        return context.fail(CommandContext::tr("no user \"%1\"").arg(username));
    const qint64 id = account->id;
    if (const auto failure = server->accountService().remove(id, CommandContext::actor(), {}))
        return context.fail(*failure);
    if (context.json())
        Output::printJson({{QStringLiteral("removed"),
                            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("username"), username}}}});
    else
        Output::printLine(CommandContext::tr("user %1 removed, its sessions ended").arg(username));
    return ExitOk;
}

} // namespace

int runUsersCommand(const Config& config, const Options& options)
{
    const std::vector<Subcommand> subcommands = {
        {QStringLiteral("list"), {}, {}, &listUsers},
        {QStringLiteral("add"),
         {QStringLiteral("NAME")},
         {QStringLiteral("role"), QStringLiteral("firstname"), QStringLiteral("lastname"),
          QStringLiteral("bcrypt-hash")},
         &addUser},
        {QStringLiteral("remove"), {QStringLiteral("NAME")}, {}, &removeUser},
    };
    return runSubcommand(QStringLiteral("users"), subcommands, config, options);
}
