#pragma once

#include "config/config.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// One configuration setting: its gatehouse.conf key, its environment names, its help line
// (QT_TRANSLATE_NOOP("Settings", ...)) and how a text becomes its value. The loader applies
// every setting's sources in order (file < environment < command line).
using SettingApply = std::function<bool(Config&, const QString&)>;

struct Setting
{
    const char* key;
    QStringList environment;
    const char* help;
    SettingApply apply;
};

// A yes/no setting's text: 1/true/yes/on or 0/false/no/off, any case; nullopt otherwise.
std::optional<bool> parseSettingFlag(const QString& text);
