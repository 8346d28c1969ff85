#pragma once

#include "config/config.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

// Where configuration comes from. Later wins: built-in defaults < the INI file <
// the environment < the command line.
struct ConfigSources
{
    QString configFile; // "" = none
    QProcessEnvironment environment;
    QHash<QString, QString> commandLine; // setting key (e.g. "listen") -> value
    QString defaultDataDir;
};

// Builds a Config, or returns nullopt with a one-line reason naming the bad setting.
std::optional<Config> loadConfig(const ConfigSources& sources, QString* error);

// "90s", "15m", "8h", "2d" or plain seconds; nullopt for anything else or <= 0.
std::optional<qint64> parseDuration(QStringView text);

// Every setting with its environment names, for --help.
QString describeSettings();
