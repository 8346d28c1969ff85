#include "config/servingoptions.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace {

const QStringList ValueOptions = {QStringLiteral("data-dir"), QStringLiteral("listen"), QStringLiteral("database"),
                                  QStringLiteral("admin-password-file")};
const QStringList FlagOptions = {QStringLiteral("http"), QStringLiteral("require-auth")};

QString settingKey(const QString& option)
{
    return QString(option).replace(u'-', u'_');
}

} // namespace

QList<QCommandLineOption> ServingOptions::options()
{
    // Translated when called: --help is built after the translator is installed.
    return {
        {QStringLiteral("config"), QCoreApplication::translate("ServingOptions", "Configuration file (INI)."),
         QStringLiteral("FILE")},
        {QStringLiteral("data-dir"),
         QCoreApplication::translate("ServingOptions", "Data directory (database, keys, certificate)."),
         QStringLiteral("DIR")},
        {QStringLiteral("listen"),
         QCoreApplication::translate("ServingOptions", "Address and port, default 0.0.0.0:3539."),
         QStringLiteral("ADDR:PORT")},
        {QStringLiteral("http"),
         QCoreApplication::translate("ServingOptions", "Serve plain HTTP instead of HTTPS (behind a proxy, tests).")},
        {QStringLiteral("database"),
         QCoreApplication::translate("ServingOptions",
                                     "sqlite:PATH (default <data dir>/gatehouse.db) or "
                                     "postgresql://USER@HOST[:PORT]/DB (password from PGPASSWORD)."),
         QStringLiteral("URL")},
        {QStringLiteral("admin-password-file"),
         QCoreApplication::translate("ServingOptions", "Seed the admin password from this file if none is set."),
         QStringLiteral("FILE")},
        {QStringLiteral("require-auth"),
         QCoreApplication::translate("ServingOptions", "Refuse to run open: answer 503 until a password is set.")},
    };
}

ConfigSources ServingOptions::sources(const QCommandLineParser& parser)
{
    ConfigSources sources;
    sources.configFile = parser.value(QStringLiteral("config"));
    sources.environment = QProcessEnvironment::systemEnvironment();
    sources.defaultDataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    for (const QString& name : ValueOptions) {
        if (parser.isSet(name))
            sources.commandLine.insert(settingKey(name), parser.value(name));
    }
    for (const QString& name : FlagOptions) {
        if (parser.isSet(name))
            sources.commandLine.insert(settingKey(name), QStringLiteral("true"));
    }
    return sources;
}
