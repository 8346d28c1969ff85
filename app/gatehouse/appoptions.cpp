#include "appoptions.h"

#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace {

// The same keys as gatehoused's: option name = setting name with '-' for '_'.
const QStringList ConfigOptions = {QStringLiteral("data-dir"), QStringLiteral("listen"), QStringLiteral("database"),
                                   QStringLiteral("admin-password-file")};
const QStringList ConfigFlags = {QStringLiteral("http"), QStringLiteral("require-auth")};

} // namespace

AppOptions::AppOptions()
{
    m_parser.setApplicationDescription(
        QStringLiteral("Gatehouse: the encoder's authentication server with its desktop control panel."));
    m_parser.addOptions({
        {QStringLiteral("headless"), QStringLiteral("Serve without any window (as gatehoused does).")},
        {QStringLiteral("config"), QStringLiteral("Configuration file (INI)."), QStringLiteral("FILE")},
        {QStringLiteral("data-dir"), QStringLiteral("Data directory (database, keys, certificate)."),
         QStringLiteral("DIR")},
        {QStringLiteral("listen"), QStringLiteral("Address and port, default 0.0.0.0:3539."),
         QStringLiteral("ADDR:PORT")},
        {QStringLiteral("http"), QStringLiteral("Serve plain HTTP instead of HTTPS (behind a proxy, tests).")},
        {QStringLiteral("database"), QStringLiteral("sqlite:PATH (default <data dir>/gatehouse.db)."),
         QStringLiteral("URL")},
        {QStringLiteral("admin-password-file"),
         QStringLiteral("Seed the admin password from this file if none is set."), QStringLiteral("FILE")},
        {QStringLiteral("require-auth"), QStringLiteral("Refuse to run open: answer 503 until a password is set.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
        {{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version.")},
    });
}

bool AppOptions::needsNoDisplay(int argc, char* argv[])
{
    static const char* const flags[] = {"--headless", "-headless", "--help", "-h", "--version", "-v"};
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : flags) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

bool AppOptions::parse(const QStringList& arguments, int* exitCode)
{
    if (!m_parser.parse(arguments)) {
        std::fprintf(stderr, "gatehouse: %s (see --help)\n", qPrintable(m_parser.errorText()));
        *exitCode = 2;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        std::printf("gatehouse %s\n", GATEHOUSE_VERSION);
        *exitCode = 0;
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream out(stdout);
        out << m_parser.helpText() << u'\n' << describeSettings();
        *exitCode = 0;
        return false;
    }
    if (!m_parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "gatehouse: unexpected argument \"%s\"; administration commands are gatehoused's\n",
                     qPrintable(m_parser.positionalArguments().constFirst()));
        *exitCode = 2;
        return false;
    }
    return true;
}

ConfigSources AppOptions::configSources() const
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
