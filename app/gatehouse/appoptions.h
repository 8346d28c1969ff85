#pragma once

#include "server/config/configloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

// gatehouse's command line: gatehoused's serving options (API.md, "Command line"), plus
// --headless. The administration subcommands stay with gatehoused.
class AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions) // --help in the user's language

public:
    AppOptions();

    // Decided before any application object exists: --headless, --help and --version must
    // not need a display.
    static bool needsNoDisplay(int argc, char* argv[]);

    // On --help/--version prints and sets `exitCode`; on a bad option prints a one-line
    // error. Returns whether to go on.
    bool parse(const QStringList& arguments, int* exitCode);
    bool headless() const { return m_parser.isSet(QStringLiteral("headless")); }
    ConfigSources configSources() const;

private:
    QCommandLineParser m_parser;
};
