#include "passwdcommand.h"

#include "commandcontext.h"
#include "options.h"
#include "output.h"

#include "server/core/accountstore.h"
#include "server/core/passwordservice.h"
#include "server/server.h"

int runPasswdCommand(const Config& config, const Options& options)
{
    CommandContext context(QStringLiteral("passwd"), config, options, options.arguments());
    int exitCode = ExitOk;
    if (!context.argument(0).isEmpty())
        return context.fail(CommandContext::tr("unexpected argument \"%1\" (the password is read from stdin)")
                                .arg(context.argument(0)));
    if (!context.onlyOptions({QStringLiteral("user")}, &exitCode))
        return exitCode;
    const QString username = options.isSet(QStringLiteral("user")) ? options.value(QStringLiteral("user"))
                                                                   : QString::fromLatin1(AccountStore::AdminUsername);
    const auto password = context.readStdinLine(CommandContext::tr("password"), &exitCode);
    if (!password)
        return exitCode;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    const AccountRecord* account = server->accounts().byUsername(username);
    if (!account)
        return context.fail(CommandContext::tr("no user \"%1\"").arg(username));
    // The account's sessions end with the change: whoever knew the old password is logged out.
    if (const auto failure =
            server->passwords().setPasswordNow(account->id, QString::fromUtf8(*password), CommandContext::actor(), {}))
        return context.fail(*failure);
    Output::printLine(CommandContext::tr("password of %1 set").arg(username));
    return ExitOk;
}
