#include "gatehousedprocess.h"

#include "testserver.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QTimer>

GatehousedProcess::GatehousedProcess()
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(m_logDir.filePath(QStringLiteral("stderr.log")), QIODevice::Append);
}

GatehousedProcess::~GatehousedProcess()
{
    if (isRunning())
        kill();
}

QString GatehousedProcess::binaryPath()
{
    return QStringLiteral(GATEHOUSED_PATH);
}

QProcessEnvironment GatehousedProcess::testEnvironment(const QProcessEnvironment& extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SECRET_KEY"), QString::fromUtf8(TestConstants::secretKey()));
    env.insert(QStringLiteral("GATEHOUSE_KEYSTORE"), QStringLiteral("file"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString& key : extra.keys())
        env.insert(key, extra.value(key));
    return env;
}

GatehousedProcess::RunResult GatehousedProcess::run(const QStringList& args, const QProcessEnvironment& env,
                                                    const QByteArray& stdinData, int timeoutMs)
{
    RunResult result;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binaryPath(), args);
    if (!process.waitForStarted(timeoutMs))
        return result;
    process.write(stdinData);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.stdoutData = process.readAllStandardOutput();
    result.stderrData = process.readAllStandardError();
    return result;
}

bool GatehousedProcess::start(const QString& dataDir, bool tls, const QStringList& extraArgs,
                              const QProcessEnvironment& env, int timeoutMs)
{
    QStringList args{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    if (!tls)
        args << QStringLiteral("--http");
    m_dataDir = dataDir;
    return startWithArgs(args + extraArgs, env, timeoutMs);
}

bool GatehousedProcess::startWithArgs(const QStringList& args, const QProcessEnvironment& env, int timeoutMs)
{
    m_stdout.clear();
    m_stderr.clear();
    m_startError.clear();
    m_port = 0;
    const qsizetype dataDirArg = args.indexOf(QStringLiteral("--data-dir"));
    if (dataDirArg >= 0)
        m_dataDir = args.value(dataDirArg + 1);
    m_process.setProcessEnvironment(env);
    m_process.start(binaryPath(), args);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_startError = m_process.errorString();
        return false;
    }
    if (waitForStartupLines(timeoutMs))
        return true;
    if (m_startError.isEmpty())
        m_startError = QStringLiteral("no start-up line; stdout: %1; stderr: %2")
                           .arg(QString::fromUtf8(m_stdout.right(500)), QString::fromUtf8(m_stderr.right(1500)));
    return false;
}

bool GatehousedProcess::waitForStartupLines(int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
    QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    for (;;) {
        drain();
        if (parseStartupLines())
            return true;
        if (!timer.isActive() || m_process.state() == QProcess::NotRunning)
            return false;
        loop.exec();
    }
}

bool GatehousedProcess::parseStartupLines()
{
    static const QRegularExpression serving(QStringLiteral(R"(^Gatehouse (\S+) serving (\S+)\s*$)"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression fingerprint(
        QStringLiteral(R"(^TLS certificate SHA-256 fingerprint: ([0-9A-Fa-f:]+)\s*$)"),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(m_stdout);
    const QRegularExpressionMatch match = serving.match(text);
    if (!match.hasMatch())
        return false;
    m_version = match.captured(1);
    m_announcedUrl = match.captured(2);
    const QUrl url(m_announcedUrl);
    m_tls = url.scheme() == u"https";
    m_port = quint16(url.port());
    if (m_tls) {
        const QRegularExpressionMatch print = fingerprint.match(text);
        if (!print.hasMatch())
            return false;
        m_fingerprint = print.captured(1);
    }
    return m_port != 0;
}

void GatehousedProcess::drain()
{
    m_stdout += m_process.readAllStandardOutput();
    QFile log(m_logDir.filePath(QStringLiteral("stderr.log")));
    if (log.open(QIODevice::ReadOnly))
        m_stderr = log.readAll();
}

bool GatehousedProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QString GatehousedProcess::url(const QString& path) const
{
    const QString scheme = m_tls ? QStringLiteral("https") : QStringLiteral("http");
    return scheme + QStringLiteral("://127.0.0.1:") + QString::number(m_port) + path;
}

qint64 GatehousedProcess::pid() const
{
    return m_process.processId();
}

QString GatehousedProcess::certificatePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("tls/cert.pem"));
}

qint64 GatehousedProcess::procStatusBytes(const QByteArray& field) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (!line.startsWith(QByteArray(field + ':')))
            continue;
        const QList<QByteArray> parts = line.mid(field.size() + 1).simplified().split(' ');
        return parts.value(0).toLongLong() * 1024; // the kernel reports kB
    }
    return -1;
}

qint64 GatehousedProcess::peakRssBytes() const
{
    return procStatusBytes(QByteArrayLiteral("VmHWM"));
}

qint64 GatehousedProcess::currentRssBytes() const
{
    return procStatusBytes(QByteArrayLiteral("VmRSS"));
}

QByteArray GatehousedProcess::stdoutData()
{
    drain();
    return m_stdout;
}

QByteArray GatehousedProcess::stderrData()
{
    drain();
    return m_stderr;
}

bool GatehousedProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process.terminate();
    const bool exited = m_process.waitForFinished(timeoutMs);
    drain();
    if (!exited)
        kill();
    return exited;
}

void GatehousedProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10'000);
    drain();
}
