// gatehouse: the Gatehouse server with its desktop control panel; --headless serves
// without creating any widget (and without connecting to a display at all).

#include "appoptions.h"

#include "app/gatehoused/signalwatcher.h"
#include "server/server.h"
#include "server/serverthread.h"
#include "translations/translations.h"
#include "ui/appicon.h"
#include "ui/mainwindow.h"
#include "ui/panelsettings.h"
#include "ui/serverbridge.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdio>
#include <memory>

namespace {

// The start-up lines gatehoused prints, so scripts and tests can wait for either binary.
void announce(const ServerStartInfo& info)
{
    std::printf("Gatehouse %s serving %s\n", GATEHOUSE_VERSION, qPrintable(info.url));
    if (!info.fingerprint.isEmpty())
        std::printf("TLS certificate SHA-256 fingerprint: %s\n", qPrintable(info.fingerprint));
    std::fflush(stdout);
}

// SIGTERM and SIGINT end the event loop; the caller then stops the server cleanly.
void quitOnSignals(SignalWatcher& watcher)
{
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [](int signal) {
        qCInfo(lcServer) << "signal" << signal << "received, stopping";
        QCoreApplication::quit();
    });
}

std::optional<Config> configFrom(const AppOptions& options, QString* error)
{
    return loadConfig(options.configSources(), error);
}

int runHeadless(const Config& config)
{
    ServerThread server(config, nullptr);
    const ServerStartInfo info = server.start();
    if (!info.ok) {
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(info.error));
        return 1;
    }
    SignalWatcher watcher;
    quitOnSignals(watcher);
    announce(info);
    const int code = QCoreApplication::exec();
    server.stop(); // answers in flight finish, batched writes are flushed
    return code;
}

int runPanel(const Config& config)
{
    QApplication::setWindowIcon(AppIcon::icon()); // every window's, the error box below included
    // Lets a Wayland compositor match the window to the desktop entry (and so to its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.gatehouse.Gatehouse"));
    ServerThread server(config, nullptr);
    const ServerStartInfo info = server.start();
    if (!info.ok) {
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(info.error));
        QMessageBox::critical(nullptr, QObject::tr("Gatehouse"),
                              QObject::tr("The server could not start:\n%1").arg(info.error));
        return 1;
    }
    SignalWatcher watcher;
    quitOnSignals(watcher);
    announce(info);
    QApplication::setQuitOnLastWindowClosed(false); // closing may only hide the window; Quit ends
    int code = 0;
    {
        // Window and bridge go before the server: the bridge's ControlPanel refers to it.
        PanelSettings settings;
        ServerBridge bridge(server);
        MainWindow window(bridge, settings);
        QObject::connect(&window, &MainWindow::quitRequested, qApp, &QCoreApplication::quit);
        window.show();
        code = QApplication::exec();
    }
    server.stop();
    return code;
}

template <typename App>
int run(int argc, char* argv[])
{
    App app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse")); // the same data dir as gatehoused
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    Translations::install(app); // before AppOptions: the help text is translated as it is built
    AppOptions options;
    int exitCode = 0;
    if (!options.parse(QCoreApplication::arguments(), &exitCode))
        return exitCode;
    QString error;
    const auto config = configFrom(options, &error);
    if (!config) {
        std::fprintf(stderr, "gatehouse: %s\n", qPrintable(error));
        return 2;
    }
    return options.headless() ? runHeadless(*config) : runPanel(*config);
}

} // namespace

int main(int argc, char* argv[])
{
    if (AppOptions::needsNoDisplay(argc, argv))
        return run<QCoreApplication>(argc, argv);
    return run<QApplication>(argc, argv);
}
