#include "testserver.h"

#include <QDir>

namespace TestConstants {

QByteArray secretKey()
{
    return QByteArrayLiteral("gatehouse-integration-test-secret-key-7d1f0c2a9b");
}

QDateTime startTime()
{
    return QDateTime(QDate(2026, 1, 27), QTime(10, 30, 0), Qt::UTC);
}

qint64 startMs()
{
    return startTime().toMSecsSinceEpoch();
}

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'Z';
}

QString isoUtcFromSecs(qint64 secs)
{
    return isoUtc(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC));
}

} // namespace TestConstants

TestServer::TestServer(ConfigHook hook) : m_clock(std::make_shared<MockClock>(TestConstants::startMs()))
{
    m_config.dataDir = m_dataDir.path();
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.secretKey = TestConstants::secretKey();
    m_config.keyStoreBackend = KeyStore::Backend::File;
    if (hook)
        hook(m_config);
}

TestServer::~TestServer()
{
    stop();
}

ServerStartInfo TestServer::start()
{
    stop();
    m_thread = std::make_unique<ServerThread>(m_config, m_clock);
    m_info = m_thread->start();
    if (!m_info.ok)
        m_thread.reset();
    return m_info;
}

void TestServer::stop()
{
    if (!m_thread)
        return;
    m_thread->stop();
    m_thread.reset();
}

ServerStartInfo TestServer::restart()
{
    stop();
    return start();
}

QUrl TestServer::url(const QString& path) const
{
    const QString scheme = isTls() ? QStringLiteral("https") : QStringLiteral("http");
    return QUrl(scheme + QStringLiteral("://127.0.0.1:") + QString::number(m_info.port) + path);
}

QString TestServer::certificatePath() const
{
    return isTls() ? QDir(m_dataDir.path()).filePath(QStringLiteral("tls/cert.pem")) : QString();
}

QString TestServer::sqlitePath() const
{
    return m_config.sqlitePath();
}
