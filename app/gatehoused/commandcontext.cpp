#include "commandcontext.h"

#include "options.h"

#include "server/crypto/passwordpolicy.h"
#include "server/server.h"

#include <QFile>

#include <algorithm>
#include <cstdio>

namespace {

// Options that belong to one command or another; the serving options (--data-dir, ...)
// are accepted everywhere because they say which storage a command acts on.
const QStringList CommandOptions = {
    QStringLiteral("user"),        QStringLiteral("role"), QStringLiteral("firstname"), QStringLiteral("lastname"),
    QStringLiteral("bcrypt-hash"), QStringLiteral("name"), QStringLiteral("perm"),      QStringLiteral("expires"),
    QStringLiteral("json"),        QStringLiteral("from"), QStringLiteral("to"),        QStringLiteral("force")};

QString listOf(const std::vector<Subcommand>& subcommands)
{
    QStringList names;
    for (const Subcommand& subcommand : subcommands)
        names.append(subcommand.name);
    return names.join(QLatin1String(", "));
}

} // namespace

CommandContext::CommandContext(QString name, const Config& config, const Options& options, QStringList arguments)
    : m_name(std::move(name)), m_config(config), m_options(options), m_arguments(std::move(arguments))
{}

CommandContext::~CommandContext() = default;

bool CommandContext::json() const
{
    return m_options.isSet(QStringLiteral("json"));
}

int CommandContext::fail(const QString& reason, int exitCode) const
{
    std::fprintf(stderr, "gatehoused %s: %s\n", qPrintable(m_name), qPrintable(reason));
    return exitCode;
}

int CommandContext::fail(const AuthError& error) const
{
    const bool storage = error.code == AuthError::Code::Unavailable || error.code == AuthError::Code::Busy;
    return fail(error.message, storage ? ExitFailure : ExitBadInput);
}

bool CommandContext::onlyOptions(const QStringList& allowed, int* exitCode) const
{
    for (const QString& option : CommandOptions) {
        if (m_options.isSet(option) && !allowed.contains(option)) {
            *exitCode = fail(tr("--%1 does not apply here (see --help)").arg(option));
            return false;
        }
    }
    return true;
}

std::optional<QByteArray> CommandContext::readStdinLine(const QString& what, int* exitCode) const
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        *exitCode = fail(tr("cannot read stdin"), ExitFailure);
        return std::nullopt;
    }
    // Room for the longest password the policy accepts (and then refuses the rest by length).
    QByteArray line = in.readLine(PasswordPolicy::MaxBytes * 4 + 2);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *exitCode = fail(tr("no %1 on stdin").arg(what));
        return std::nullopt;
    }
    return line;
}

Server* CommandContext::openServer(int* exitCode)
{
    if (m_server)
        return m_server.get();
    auto server = std::make_unique<Server>(m_config, nullptr);
    QString error;
    if (!server->open(&error)) {
        *exitCode = fail(error, ExitFailure);
        return nullptr;
    }
    m_server = std::move(server);
    return m_server.get();
}

Principal CommandContext::actor()
{
    // The command line is the local operator, trusted with every permission: whoever runs it
    // as the service user can read the database and the key store anyway. So it holds the
    // admin role, and the rule against privilege escalation (PermissionModel::dominates)
    // never stops it.
    Principal actor;
    actor.username = QStringLiteral("cli");
    actor.role = QStringLiteral("admin");
    return actor;
}

int runSubcommand(const QString& group, const std::vector<Subcommand>& subcommands, const Config& config,
                  const Options& options)
{
    const QStringList words = options.arguments();
    const CommandContext groupContext(group, config, options);
    if (words.isEmpty())
        return groupContext.fail(CommandContext::tr("missing subcommand (%1)").arg(listOf(subcommands)));
    const auto found = std::find_if(subcommands.begin(), subcommands.end(),
                                    [&](const Subcommand& candidate) { return candidate.name == words.first(); });
    if (found == subcommands.end())
        return groupContext.fail(
            CommandContext::tr("unknown subcommand \"%1\" (%2)").arg(words.first(), listOf(subcommands)));
    CommandContext context(group + u' ' + found->name, config, options, words.mid(1));
    const qsizetype given = words.size() - 1;
    if (given < found->arguments.size())
        return context.fail(CommandContext::tr("missing %1").arg(found->arguments.at(given)));
    if (given > found->arguments.size())
        return context.fail(
            CommandContext::tr("unexpected argument \"%1\"").arg(words.at(found->arguments.size() + 1)));
    int exitCode = ExitOk;
    if (!context.onlyOptions(found->options + QStringList{QStringLiteral("json")}, &exitCode))
        return exitCode;
    return found->run(context);
}
