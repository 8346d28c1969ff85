#include "migratecommand.h"

#include "commandcontext.h"
#include "options.h"
#include "output.h"

#include "server/core/databasetransfer.h"

#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace {

// On a terminal the line of the table being copied is rewritten in place; in a log (systemd,
// a pipe) each table gets one line when it is done, so the log stays short.
void showProgress(const DatabaseTransfer::Step& step)
{
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    const bool tableDone = step.copied == step.total;
    if (!terminal && !tableDone)
        return;
    const QString line = CommandContext::tr("%1: %2 of %3 rows").arg(step.table).arg(step.copied).arg(step.total);
    std::fprintf(stderr, terminal ? "\r%s%s" : "%s%s", qPrintable(line), tableDone ? "\n" : "");
    std::fflush(stderr);
}

} // namespace

int runMigrateCommand(const Config& config, const Options& options)
{
    CommandContext context(QStringLiteral("migrate"), config, options);
    int exitCode = ExitOk;
    if (!context.onlyOptions(
            {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("force"), QStringLiteral("json")}, &exitCode))
        return exitCode;
    const QString from = options.value(QStringLiteral("from"));
    const QString to = options.value(QStringLiteral("to"));
    if (from.isEmpty() || to.isEmpty())
        return context.fail(CommandContext::tr("--from and --to are both needed"));
    qint64 rows = 0;
    QJsonObject tables;
    QString error;
    const DatabaseTransfer::Outcome outcome = DatabaseTransfer::run(
        from, to, options.isSet(QStringLiteral("force")),
        [&](const DatabaseTransfer::Step& step) {
            if (!context.json())
                showProgress(step);
            if (step.copied == step.total) {
                tables.insert(step.table, step.total);
                rows += step.total;
            }
        },
        &error);
    if (outcome != DatabaseTransfer::Outcome::Copied)
        return context.fail(error, outcome == DatabaseTransfer::Outcome::BadInput ? ExitBadInput : ExitFailure);
    if (context.json())
        Output::printJson({{QStringLiteral("rows"), rows}, {QStringLiteral("tables"), tables}});
    else
        Output::printLine(CommandContext::tr("copied %1 rows").arg(rows));
    return ExitOk;
}
