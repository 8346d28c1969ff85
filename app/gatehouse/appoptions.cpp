#include "appoptions.h"

#include "server/config/servingoptions.h"

#include <QTextStream>

#include <cstdio>
#include <cstring>

AppOptions::AppOptions()
{
    m_parser.setApplicationDescription(
        tr("Gatehouse: the encoder's authentication server with its desktop control panel."));
    m_parser.addOption({QStringLiteral("headless"), tr("Serve without any window (as gatehoused does).")});
    m_parser.addOptions(ServingOptions::options());
    m_parser.addOptions({
        {{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")},
        {{QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version.")},
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
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(tr("%1 (see --help)").arg(m_parser.errorText())));
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
        const QString reason = tr("unexpected argument \"%1\"; administration commands are gatehoused's");
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(reason.arg(m_parser.positionalArguments().constFirst())));
        *exitCode = 2;
        return false;
    }
    return true;
}

ConfigSources AppOptions::configSources() const
{
    return ServingOptions::sources(m_parser);
}
