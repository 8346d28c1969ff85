#pragma once

#include "server/core/autherror.h"
#include "server/core/principal.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct Config;
class Options;
class Server;

// Exit codes of the administration commands.
constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;  // storage or keys could not be opened, storage refused a change
constexpr int ExitBadInput = 2; // unknown user, bad role, malformed hash, missing argument, ...

// What every administration command shares: its name for the one-line error, its
// arguments, --json, stdin, and the server's storage and keys opened without listening
// (the same storage a running server uses; it picks up the change within a second).
class CommandContext
{
    // The commands' messages and table headings are for people: they follow the user's
    // language. What scripts read (--json, a new token's secret) does not.
    Q_DECLARE_TR_FUNCTIONS(CommandContext)

public:
    CommandContext(QString name, const Config& config, const Options& options, QStringList arguments = {});
    ~CommandContext(); // the Server's destructor flushes the batched audit and rate-limit logs

    const QString& name() const { return m_name; } // e.g. "users add"
    const Options& options() const { return m_options; }
    const Config& config() const { return m_config; }
    QString argument(int index) const { return m_arguments.value(index); }
    bool json() const;

    // Prints "gatehoused <name>: <reason>" as the only line on stderr; returns `exitCode`.
    int fail(const QString& reason, int exitCode = ExitBadInput) const;
    // The same with the core's reason; storage trouble is ExitFailure, the rest bad input.
    int fail(const AuthError& error) const;
    // Fails unless every command option given (--role, --user, ...) is one of `allowed`.
    bool onlyOptions(const QStringList& allowed, int* exitCode) const;
    // The first line of stdin without its line ending; nullopt (reason printed) when there is none.
    std::optional<QByteArray> readStdinLine(const QString& what, int* exitCode) const;
    // Opens storage and keys once; nullptr (reason printed) on failure.
    Server* openServer(int* exitCode);

    // Who acts for changes made here: "cli" in the audit log, with the admin's permissions.
    static Principal actor();

private:
    QString m_name;
    const Config& m_config;
    const Options& m_options;
    QStringList m_arguments;
    std::unique_ptr<Server> m_server;
};

// One subcommand of a command group: `gatehoused <group> <name> <arguments...>`.
struct Subcommand
{
    QString name;
    QStringList arguments; // names of its required arguments, for "missing NAME"
    QStringList options;   // command options it accepts (--json is always accepted)
    std::function<int(CommandContext&)> run;
};

// Picks the subcommand from the words after `group`, checks its arguments and options,
// and runs it. Returns the exit code.
int runSubcommand(const QString& group, const std::vector<Subcommand>& subcommands, const Config& config,
                  const Options& options);
