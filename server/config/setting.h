#pragma once

#include "config/config.h"

#include <QString>
#include <QStringList>

#include <functional>

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
