#include "options.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace {

// Options that map 1:1 to configuration keys (dash -> underscore).
const QStringList ConfigOptions = {QStringLiteral("data-dir"),  QStringLiteral("listen"),
                                   QStringLiteral("database"),  QStringLiteral("admin-password-file")};
const QStringList ConfigFlags = {QStringLiteral("http"), QStringLiteral("require-auth")};

const char* const Usage = R"(
Commands:
  serve (default)              run the server
  passwd [--user NAME]         set a password, read from the first line of stdin
)";

} // namespace

Options::Options()
{
    m_parser.setApplicationDescription(QStringLiteral("Gatehouse authentication server (headless)."));
    m_parser.addOptions({
        {QStringLiteral("config"), QStringLiteral("Configuration file (INI)."), QStringLiteral("FILE")},
        {QStringLiteral("data-dir"), QStringLiteral("Data directory (database, keys, certificate)."),
         QStringLiteral("DIR")},
        {QStringLiteral("listen"), QStringLiteral("Address and port, default 0.0.0.0:3539."),
         QStringLiteral("ADDR:PORT")},
        {QStringLiteral("http"), QStringLiteral("Serve plain HTTP instead of HTTPS (behind a proxy, tests).")},
        {QStringLiteral("database"), QStringLiteral("sqlite:PATH (default <data dir>/gatehouse.db)."),
         QStringLiteral("URL")},
        {QStringLiteral("admin-password-file"), QStringLiteral("Seed the admin password from this file if none is set."),
         QStringLiteral("FILE")},
        {QStringLiteral("require-auth"), QStringLiteral("Refuse to run open: answer 503 until a password is set.")},
        {QStringLiteral("user"), QStringLiteral("Account for passwd (default admin)."), QStringLiteral("NAME")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
        {{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version.")},
    });
    m_parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve (default) or passwd"),
                                   QStringLiteral("[command]"));
}

bool Options::parse(const QStringList& arguments, int* exitCode)
{
    if (!m_parser.parse(arguments)) {
        std::fprintf(stderr, "gatehoused: %s (see --help)\n", qPrintable(m_parser.errorText()));
        *exitCode = 2;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        std::printf("gatehoused %s\n", GATEHOUSE_VERSION);
        *exitCode = 0;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream out(stdout);
        out << m_parser.helpText() << QLatin1String(Usage) << u'\n' << describeSettings();
        *exitCode = 0;
        return false;
    }
    const QString cmd = command();
    if (cmd != u"serve" && cmd != u"passwd") {
        std::fprintf(stderr, "gatehoused: unknown command \"%s\" (see --help)\n", qPrintable(cmd));
        *exitCode = 2;
        return false;
    }
    return true;
}

QString Options::command() const
{
    const QStringList positional = m_parser.positionalArguments();
    return positional.isEmpty() ? QStringLiteral("serve") : positional.first();
}

ConfigSources Options::configSources() const
{
    ConfigSources sources;
    sources.configFile = m_parser.value(QStringLiteral("config"));
    sources.environment = QProcessEnvironment::systemEnvironment();
    sources.defaultDataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    for (const QString& name : ConfigOptions) {
        if (m_parser.isSet(name))
            sources.commandLine.insert(QString(name).replace(u'-', u'_'), m_parser.value(name));
    }
    for (const QString& name : ConfigFlags) {
        if (m_parser.isSet(name))
            sources.commandLine.insert(QString(name).replace(u'-', u'_'), QStringLiteral("true"));
    }
    return sources;
}
