#include "panelfixture.h"

#include "server/server.h"
#include "ui/mainwindow.h"
#include "ui/panelsettings.h"
#include "ui/serverbridge.h"

#include <QDir>
#include <QTest>

#include <atomic>

PanelFixture::PanelFixture(TestServer::ConfigHook hook) : RestFixture(std::move(hook))
{}

PanelFixture::~PanelFixture()
{
    closePanel();
}

bool PanelFixture::openPanel()
{
    settings = std::make_unique<PanelSettings>(QDir(settingsDir.path()).filePath(QStringLiteral("panel.ini")));
    bridge = std::make_unique<ServerBridge>(*server.serverThread());
    window = std::make_unique<MainWindow>(*bridge, *settings);
    window->show();
    return QTest::qWaitForWindowExposed(window.get());
}

void PanelFixture::closePanel()
{
    window.reset();
    bridge.reset();
}

void PanelFixture::showPage(const QString& objectName)
{
    window->showPage(objectName);
}

QWidget* PanelFixture::page(const QString& objectName) const
{
    return window->page(objectName);
}

bool PanelFixture::inServerThread(const std::function<void(Server&)>& job, int timeoutMs)
{
    Server* target = server.serverThread()->server();
    auto done = std::make_shared<std::atomic<bool>>(false);
    QMetaObject::invokeMethod(
        target,
        [target, job, done] {
            job(*target);
            done->store(true);
        },
        Qt::QueuedConnection);
    return QTest::qWaitFor([&done] { return done->load(); }, timeoutMs);
}
