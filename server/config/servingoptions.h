#pragma once

#include "config/configloader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

// The serving options both executables accept (API.md, "Command line"): --config,
// --data-dir, --listen, --http, --database, --admin-password-file, --require-auth. Each
// maps to the setting of the same name ('-' for '_'), so the command line is simply the
// last configuration source.
namespace ServingOptions {

QList<QCommandLineOption> options();
// The configuration sources for a parsed command line: its config file and settings, the
// process environment, and the standard data directory as the default.
ConfigSources sources(const QCommandLineParser& parser);

} // namespace ServingOptions
