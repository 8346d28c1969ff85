#pragma once

#include "tests/testsupport/restfixture.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QWidget>

#include <functional>
#include <memory>

class MainWindow;
class PanelSettings;
class Server;
class ServerBridge;

// A real server in its thread (TLS, SQLite in a temp dir, MockClock) with the whole control
// panel in front of it: bridge, settings in a temp file, the main window shown offscreen.
// Tests find widgets by objectName and drive them as a person would.
struct PanelFixture : RestFixture
{
    explicit PanelFixture(TestServer::ConfigHook hook = {});
    ~PanelFixture();

    // Starts the server, then the panel; false (with a reason in startError()) on failure.
    bool start() { return startServer() && openPanel(); }
    bool startServer() { return RestFixture::start(); }
    bool openPanel();
    // Window and bridge go first: the bridge's ControlPanel refers to the server.
    void closePanel();

    void showPage(const QString& objectName);
    QWidget* page(const QString& objectName) const;

    // A widget of the window or of any open dialog, by object name.
    template <typename T>
    T* find(const QString& objectName) const
    {
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (top->objectName() == objectName && qobject_cast<T*>(top))
                return qobject_cast<T*>(top);
            if (T* found = top->findChild<T*>(objectName))
                return found;
        }
        return nullptr;
    }

    // Runs `job` in the server thread and waits (spinning this thread's event loop) until
    // it has run; test set-up only, the panel itself never waits for the server.
    bool inServerThread(const std::function<void(Server&)>& job, int timeoutMs = 60'000);

    QTemporaryDir settingsDir;
    std::unique_ptr<PanelSettings> settings;
    std::unique_ptr<ServerBridge> bridge;
    std::unique_ptr<MainWindow> window;
};
