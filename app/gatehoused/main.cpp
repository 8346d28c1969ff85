// gatehoused: the Gatehouse server without a display, and its administration commands.

#include "migratecommand.h"
#include "oidccommand.h"
#include "options.h"
#include "passwdcommand.h"
#include "ratelimitcommand.h"
#include "servicenotifier.h"
#include "sessionscommand.h"
#include "signalwatcher.h"
#include "tokenscommand.h"
#include "userscommand.h"

#include "server/server.h"
#include "server/serverthread.h"
#include "translations/translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>

namespace {

// Every connection is a file descriptor: let the guard's own caps, not the default
// soft limit of 1,024, decide how many clients are served.
void raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// A headless server needs none of glib's main loop: Qt's own UNIX event dispatcher costs
// measurably less per request (docs/PERFORMANCE.md). Must be set before QCoreApplication.
void useUnixEventDispatcher()
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

// Memory glibc keeps after a burst of connections (TLS buffers, argon2id blocks) goes back
// to the system every half minute, so an encoder's RSS returns to its idle size.
void returnFreedMemoryPeriodically(QObject* owner)
{
    auto* timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, [] { ::malloc_trim(0); });
    timer->start(30'000);
}

// argon2id allocates 19 MiB per hash. glibc would raise its mmap threshold after the first
// free and keep later blocks on the heap, so an encoder's RSS would stay high after a login
// burst; a fixed threshold returns every such block to the system when the hash is done.
void returnLargeBlocksToSystem()
{
    ::mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
}

int serve(const Config& config)
{
    raiseFileLimit();
    returnLargeBlocksToSystem();
    returnFreedMemoryPeriodically(qApp);
    ServerThread server(config, nullptr);
    const ServerStartInfo info = server.start();
    if (!info.ok) {
        std::fprintf(stderr, "gatehoused: %s\n", qPrintable(info.error));
        return 1;
    }
    // Installed before the start-up line is printed: whoever waits for that line (systemd,
    // a test) may send SIGTERM at once, and that must be a clean stop.
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, [](int signal) {
        qCInfo(lcServer) << "signal" << signal << "received, stopping";
        QCoreApplication::quit();
    });
    std::printf("Gatehouse %s serving %s\n", GATEHOUSE_VERSION, qPrintable(info.url));
    if (!info.fingerprint.isEmpty())
        std::printf("TLS certificate SHA-256 fingerprint: %s\n", qPrintable(info.fingerprint));
    std::fflush(stdout);
    ServiceNotifier::notify("READY=1");
    const int code = QCoreApplication::exec();
    ServiceNotifier::notify("STOPPING=1");
    server.stop(); // answers in flight finish, batched writes are flushed
    return code;
}

} // namespace

int main(int argc, char* argv[])
{
    useUnixEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    Translations::install(app); // before Options: the help text is translated as it is built

    Options options;
    int exitCode = 0;
    if (!options.parse(QCoreApplication::arguments(), &exitCode))
        return exitCode;
    QString error;
    const auto config = loadConfig(options.configSources(), &error);
    if (!config) {
        std::fprintf(stderr, "gatehoused: %s\n", qPrintable(error));
        return 2;
    }
    const QString command = options.command();
    if (command == u"serve")
        return serve(*config);
    // A command's output is its result (or its one-line reason); the server's progress notes
    // are noise there.
    QLoggingCategory::setFilterRules(QStringLiteral("gatehouse.*.info=false"));
    if (command == u"passwd")
        return runPasswdCommand(*config, options);
    if (command == u"users")
        return runUsersCommand(*config, options);
    if (command == u"sessions")
        return runSessionsCommand(*config, options);
    if (command == u"tokens")
        return runTokensCommand(*config, options);
    if (command == u"oidc")
        return runOidcCommand(*config, options);
    if (command == u"migrate") {
        // Its failures are its one line (with the driver's reason): storage warnings would
        // only repeat them over several.
        QLoggingCategory::setFilterRules(QStringLiteral("gatehouse.*.info=false\ngatehouse.*.warning=false"));
        return runMigrateCommand(*config, options);
    }
    return runRateLimitCommand(*config, options); // Options::parse() let no other command through
}
