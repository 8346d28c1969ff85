#include "oidccommand.h"

#include "commandcontext.h"
#include "output.h"

#include "server/config/config.h"
#include "server/core/clock.h"
#include "server/oidc/oidcclientsecret.h"
#include "server/oidc/oidcprovider.h"
#include "server/server.h"

#include <QEventLoop>
#include <QJsonObject>

namespace {

struct ProviderStatus
{
    bool discovered = false;
    int keys = 0;
    QString error;
};

// Asks the provider as the server would (the same code, the same limits), waiting here.
ProviderStatus askProvider(const OidcSettings& settings)
{
    SystemClock clock;
    OidcProvider provider(settings, clock);
    QEventLoop loop;
    ProviderStatus status;
    provider.keys(false, [&](const JwkSet* keys, const QString& error) {
        status.discovered = provider.hasMetadata();
        status.keys = keys ? keys->size() : 0;
        status.error = error;
        loop.quit();
    });
    loop.exec();
    return status;
}

int status(CommandContext& context)
{
    const OidcSettings& settings = context.config().oidc;
    if (!settings.enabled()) {
        if (context.json())
            Output::printJson({{QStringLiteral("enabled"), false}});
        else
            Output::printLine(CommandContext::tr("OpenID Connect: off (no oidc_issuer)"));
        return ExitOk;
    }
    const ProviderStatus provider = askProvider(settings);
    const bool ok = provider.discovered && provider.keys > 0;
    if (context.json()) {
        QJsonObject object{{QStringLiteral("enabled"), true},
                           {QStringLiteral("issuer"), settings.issuer},
                           {QStringLiteral("client_id"), settings.clientId},
                           {QStringLiteral("discovery"), provider.discovered},
                           {QStringLiteral("keys"), provider.keys}};
        if (!ok)
            object.insert(QStringLiteral("error"), provider.error);
        Output::printJson(object);
    } else {
        Output::printLine(CommandContext::tr("OpenID Connect: %1 (client %2)").arg(settings.issuer, settings.clientId));
        Output::printLine(provider.discovered ? CommandContext::tr("discovery: reachable")
                                              : CommandContext::tr("discovery: failed"));
        Output::printLine(CommandContext::tr("signing keys: %1").arg(provider.keys));
        if (!ok)
            Output::printLine(CommandContext::tr("error: %1").arg(provider.error));
    }
    return ok ? ExitOk : ExitFailure;
}

// The secret from the first line of stdin (never argv: the process list shows that), sealed
// into the database for the configured issuer and client.
int setSecret(CommandContext& context)
{
    const OidcSettings& settings = context.config().oidc;
    if (!settings.enabled())
        return context.fail(
            CommandContext::tr("set oidc_issuer and oidc_client_id first: the secret is bound to them"));
    int exitCode = ExitOk;
    const std::optional<QByteArray> secret = context.readStdinLine(CommandContext::tr("client secret"), &exitCode);
    if (!secret)
        return exitCode;
    Server* server = context.openServer(&exitCode);
    if (!server)
        return exitCode;
    if (!server->oidcClientSecret().store(settings, *secret))
        return context.fail(CommandContext::tr("the database refused the change"), ExitFailure);
    if (context.json())
        Output::printJson({{QStringLiteral("stored"), true}});
    else
        Output::printLine(CommandContext::tr("client secret stored, sealed, for %1 (client %2)")
                              .arg(settings.issuer, settings.clientId));
    return ExitOk;
}

} // namespace

int runOidcCommand(const Config& config, const Options& options)
{
    const std::vector<Subcommand> subcommands = {
        {QStringLiteral("status"), {}, {}, &status},
        {QStringLiteral("set-secret"), {}, {}, &setSecret},
    };
    return runSubcommand(QStringLiteral("oidc"), subcommands, config, options);
}
