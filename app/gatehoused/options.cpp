#include "options.h"

#include "server/config/servingoptions.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

const QStringList Commands = {QStringLiteral("serve"),    QStringLiteral("passwd"), QStringLiteral("users"),
                              QStringLiteral("sessions"), QStringLiteral("tokens"), QStringLiteral("ratelimit"),
                              QStringLiteral("oidc"),     QStringLiteral("migrate")};

// The commands --help lists: the synopsis as typed (never translated) and what it does.
struct CommandHelp
{
    const char* synopsis;
    const char* description;
};

const CommandHelp CommandsHelp[] = {
    {"serve", QT_TRANSLATE_NOOP("Options", "run the server (the default command)")},
    {"passwd [--user NAME]",
     QT_TRANSLATE_NOOP("Options", "set a password (default: admin's), read from the first line of stdin")},
    {"users list", QT_TRANSLATE_NOOP("Options", "list the accounts")},
    {"users add NAME --role ROLE [--firstname F] [--lastname L] [--bcrypt-hash HASH|-]",
     QT_TRANSLATE_NOOP("Options",
                       "add an account (ROLE: admin, operator, viewer); the password is read from the "
                       "first line of stdin, or an old system's bcrypt hash ($2a$/$2b$/$2y$) is imported "
                       "(\"-\": the hash from stdin)")},
    {"users remove NAME", QT_TRANSLATE_NOOP("Options", "remove an account and end its sessions")},
    {"sessions list", QT_TRANSLATE_NOOP("Options", "list the live sessions")},
    {"sessions revoke ID", QT_TRANSLATE_NOOP("Options", "end a session")},
    {"tokens list", QT_TRANSLATE_NOOP("Options", "list the API tokens (never their secrets)")},
    {"tokens create --name N --perm RES:ACTION [--perm ...] [--expires 30d|ISO-TIME]",
     QT_TRANSLATE_NOOP("Options",
                       "create an API token; its secret is printed once, alone on stdout (details and a "
                       "warning go to stderr)")},
    {"tokens revoke ID", QT_TRANSLATE_NOOP("Options", "revoke an API token")},
    {"ratelimit list", QT_TRANSLATE_NOOP("Options", "show locked addresses and the recent rate-limit events")},
    {"ratelimit unblock IP", QT_TRANSLATE_NOOP("Options", "lift an address's lockout")},
    {"oidc status",
     QT_TRANSLATE_NOOP("Options", "check that the OpenID provider's discovery document and keys can be fetched")},
    {"oidc set-secret",
     QT_TRANSLATE_NOOP("Options",
                       "keep the OpenID client secret, read from the first line of stdin, sealed in the database")},
    {"migrate --from DATABASE --to DATABASE [--force]",
     QT_TRANSLATE_NOOP("Options",
                       "copy every table from one database to another (sqlite:PATH, postgresql://...); a target "
                       "that holds data is refused unless --force, which empties it first")},
};

constexpr qsizetype SynopsisWidth = 36;
constexpr qsizetype LineWidth = 100;

// `text` broken into lines of at most `width` characters at spaces.
QStringList wrapped(const QString& text, qsizetype width)
{
    QStringList lines;
    QString line;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += line.isEmpty() ? word : u' ' + word;
    }
    lines.append(line);
    return lines;
}

// The commands, each synopsis with its (translated) description beside it, or below it when
// the synopsis is too long.
QString commandsHelp()
{
    const QString heading = QCoreApplication::translate(
        "Options",
        "Commands (each acts on the storage of the data directory, also while a server runs on it; add "
        "--json for output a script can read):");
    QString text = u'\n' + wrapped(heading, LineWidth).join(u'\n') + u'\n';
    const QString indent(2 + SynopsisWidth, u' ');
    for (const CommandHelp& command : CommandsHelp) {
        const QString synopsis = QLatin1String(command.synopsis);
        const QStringList lines =
            wrapped(QCoreApplication::translate("Options", command.description), LineWidth - indent.size());
        text += QStringLiteral("  ") + synopsis;
        text += synopsis.size() < SynopsisWidth ? QString(SynopsisWidth - synopsis.size(), u' ') : u'\n' + indent;
        text += lines.join(u'\n' + indent) + u'\n';
    }
    return text;
}

} // namespace

Options::Options()
{
    m_parser.setApplicationDescription(tr("Gatehouse authentication server (headless)."));
    m_parser.addOptions(ServingOptions::options());
    m_parser.addOptions({
        {QStringLiteral("user"), tr("Account for passwd (default admin)."), QStringLiteral("NAME")},
        {QStringLiteral("role"), tr("Role for users add."), QStringLiteral("ROLE")},
        {QStringLiteral("firstname"), tr("First name for users add."), QStringLiteral("F")},
        {QStringLiteral("lastname"), tr("Last name for users add."), QStringLiteral("L")},
        {QStringLiteral("bcrypt-hash"), tr("Import this bcrypt hash in users add (\"-\": from stdin)."),
         QStringLiteral("HASH")},
        {QStringLiteral("name"), tr("Name for tokens create."), QStringLiteral("N")},
        {QStringLiteral("perm"), tr("Permission for tokens create (repeatable, or comma-separated)."),
         QStringLiteral("RES:ACTION")},
        {QStringLiteral("expires"), tr("Expiry for tokens create: a duration (30d, 12h) or an ISO time."),
         QStringLiteral("WHEN")},
        {QStringLiteral("from"), tr("Database migrate copies from."), QStringLiteral("DATABASE")},
        {QStringLiteral("to"), tr("Database migrate copies to."), QStringLiteral("DATABASE")},
        {QStringLiteral("force"), tr("Let migrate empty a target that holds data.")},
        {QStringLiteral("json"), tr("Print a command's result as JSON.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")},
        {{QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version.")},
    });
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   tr("serve (default), passwd, users, sessions, tokens, ratelimit, oidc or migrate"),
                                   tr("[command [subcommand] [argument]]"));
}

bool Options::parse(const QStringList& arguments, int* exitCode)
{
    if (!m_parser.parse(arguments)) {
        std::fprintf(stderr, "gatehoused: %s\n", qPrintable(tr("%1 (see --help)").arg(m_parser.errorText())));
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
        out << m_parser.helpText() << commandsHelp() << u'\n' << describeSettings();
        *exitCode = 0;
        return false;
    }
    const QString cmd = command();
    if (!Commands.contains(cmd)) {
        std::fprintf(stderr, "gatehoused: %s\n", qPrintable(tr("unknown command \"%1\" (see --help)").arg(cmd)));
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
