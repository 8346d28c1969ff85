#pragma once

#include "server/config/config.h"
#include "server/core/clock.h"
#include "server/serverthread.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

// Everything tests agree on: the SECRET_KEY the server signs with (so tests can forge
// tokens with it) and the instant the MockClock starts at.
namespace TestConstants {
QByteArray secretKey(); // raw HMAC key, as SECRET_KEY is used
QDateTime startTime();  // 2026-01-27T10:30:00Z
qint64 startMs();
QString isoUtc(const QDateTime& time); // "YYYY-MM-DDTHH:MM:SSZ", as flex bodies write it
QString isoUtcFromSecs(qint64 secs);
} // namespace TestConstants

// A real Server on 127.0.0.1, port 0, run in its own thread by ServerThread, over a
// temporary data directory and a shared MockClock. TLS is on unless the hook sets
// plainHttp. The data directory outlives stop(), so restart() exercises persistence.
class TestServer
{
public:
    using ConfigHook = std::function<void(Config&)>;

    explicit TestServer(ConfigHook hook = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    ServerStartInfo start();
    void stop();
    ServerStartInfo restart(); // stop, then start a new ServerThread on the same data dir
    bool isRunning() const { return m_thread != nullptr; }

    QUrl url(const QString& path) const; // "https://127.0.0.1:<port>/path"
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_info.port; }
    bool isTls() const { return !m_config.plainHttp; }
    const ServerStartInfo& startInfo() const { return m_info; }

    QString dataDir() const { return m_dataDir.path(); }
    QString certificatePath() const; // <dataDir>/tls/cert.pem; "" over plain HTTP
    QString sqlitePath() const;      // <dataDir>/gatehouse.db unless the hook chose another
    const Config& config() const { return m_config; }

    MockClock& clock() { return *m_clock; }
    std::shared_ptr<MockClock> sharedClock() const { return m_clock; }
    ServerThread* serverThread() const { return m_thread.get(); }

private:
    QTemporaryDir m_dataDir;
    std::shared_ptr<MockClock> m_clock;
    Config m_config;
    std::unique_ptr<ServerThread> m_thread;
    ServerStartInfo m_info;
};
