#include "options.h"

#include "server/config/servingoptions.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

const QStringList Commands = {QStringLiteral("serve"),    QStringLiteral("passwd"), QStringLiteral("users"),
                              QStringLiteral("sessions"), QStringLiteral("tokens"), QStringLiteral("ratelimit")};

const char* const Usage = R"(
Commands (each acts on the storage of the data directory, also while a server runs on it;
add --json for output a script can read):
  serve (default)                     run the server
  passwd [--user NAME]                set a password (default: admin's), read from the first line of stdin
  users list                          list the accounts
  users add NAME --role ROLE [--firstname F] [--lastname L] [--bcrypt-hash HASH|-]
                                      add an account (ROLE: admin, operator, viewer); the password is
                                      read from the first line of stdin, or an old system's bcrypt hash
                                      ($2a$/$2b$/$2y$) is imported ("-": the hash from stdin)
  users remove NAME                   remove an account and end its sessions
  sessions list                       list the live sessions
  sessions revoke ID                  end a session
  tokens list                         list the API tokens (never their secrets)
  tokens create --name N --perm RES:ACTION [--perm ...] [--expires 30d|ISO-TIME]
                                      create an API token; its secret is printed once, alone on
                                      stdout (details and a warning go to stderr)
  tokens revoke ID                    revoke an API token
  ratelimit list                      show locked addresses and the recent rate-limit events
  ratelimit unblock IP                lift an address's lockout
)";

} // namespace

Options::Options()
{
    m_parser.setApplicationDescription(QStringLiteral("Gatehouse authentication server (headless)."));
    m_parser.addOptions(ServingOptions::options());
    m_parser.addOptions({
        {QStringLiteral("user"), QStringLiteral("Account for passwd (default admin)."), QStringLiteral("NAME")},
        {QStringLiteral("role"), QStringLiteral("Role for users add."), QStringLiteral("ROLE")},
        {QStringLiteral("firstname"), QStringLiteral("First name for users add."), QStringLiteral("F")},
        {QStringLiteral("lastname"), QStringLiteral("Last name for users add."), QStringLiteral("L")},
        {QStringLiteral("bcrypt-hash"), QStringLiteral("Import this bcrypt hash in users add (\"-\": from stdin)."),
         QStringLiteral("HASH")},
        {QStringLiteral("name"), QStringLiteral("Name for tokens create."), QStringLiteral("N")},
        {QStringLiteral("perm"), QStringLiteral("Permission for tokens create (repeatable, or comma-separated)."),
         QStringLiteral("RES:ACTION")},
        {QStringLiteral("expires"), QStringLiteral("Expiry for tokens create: a duration (30d, 12h) or an ISO time."),
         QStringLiteral("WHEN")},
        {QStringLiteral("json"), QStringLiteral("Print a command's result as JSON.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
        {{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version.")},
    });
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   QStringLiteral("serve (default), passwd, users, sessions, tokens or ratelimit"),
                                   QStringLiteral("[command [subcommand] [argument]]"));
}

bool Options::parse(const QStringList& arguments, int* exitCode)
{
    if (!m_parser.parse(arguments)) {
        std::fprintf(stderr, "gatehoused: %s (see --help)\n", qPrintable(m_parser.errorText()));
        *exitCode = 2;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        std::printf("gatehoused %s\n", GATEHOUSE_VERSION);
        *exitCode = 0;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream out(stdout);
        out << m_parser.helpText() << QLatin1String(Usage) << u'\n' << describeSettings();
        *exitCode = 0;
        return false;
    }
    const QString cmd = command();
    if (!Commands.contains(cmd)) {
        std::fprintf(stderr, "gatehoused: unknown command \"%s\" (see --help)\n", qPrintable(cmd));
        *exitCode = 2;
        return false;
    }
    return true;
}

QString Options::command() const
{
    const QStringList positional = m_parser.positionalArguments();
    return positional.isEmpty() ? QStringLiteral("serve") : positional.first();
}

QStringList Options::arguments() const
{
    return m_parser.positionalArguments().mid(1);
}

ConfigSources Options::configSources() const
{
    return ServingOptions::sources(m_parser);
}
