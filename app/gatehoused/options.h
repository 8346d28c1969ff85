#pragma once

#include "server/config/configloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

// gatehoused's command line: the serving options of API.md ("Command line") and the
// administration subcommands. Shared by `serve` and the subcommands so that both act
// on the same data directory and database.
class Options
{
    Q_DECLARE_TR_FUNCTIONS(Options) // --help in the user's language

public:
    Options();

    // Parses argv; on --help/--version prints and sets `exitCode`; on a bad option sets a
    // one-line error. Returns whether the caller should go on.
    bool parse(const QStringList& arguments, int* exitCode);

    QString command() const;       // "serve" (default) or a subcommand
    QStringList arguments() const; // the words after the command, e.g. {"add", "alice"}
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    ConfigSources configSources() const;

private:
    QCommandLineParser m_parser;
};
