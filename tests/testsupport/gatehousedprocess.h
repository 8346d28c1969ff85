#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// The real gatehoused binary (GATEHOUSED_PATH) as a child process. start() waits for the
// agreed start-up line `Gatehouse <version> serving <url>` (and, over TLS, the
// `TLS certificate SHA-256 fingerprint: ...` line after it). stdout and stderr are kept
// whole for the secret-scanning tests; stderr goes to a file, so a chatty server never
// blocks on a full pipe while a test drives it with blocking sockets.
class GatehousedProcess
{
public:
    struct RunResult
    {
        bool finished = false; // false: timed out (the process was killed)
        int exitCode = -1;
        QByteArray stdoutData;
        QByteArray stderrData;
    };

    GatehousedProcess();
    ~GatehousedProcess(); // kills a process still running

    static QString binaryPath();
    // The environment every test child gets: the system's, SECRET_KEY of the tests,
    // GATEHOUSE_KEYSTORE=file; `extra` is applied on top.
    static QProcessEnvironment testEnvironment(const QProcessEnvironment& extra = {});
    // Runs a one-shot command (passwd, --version, ...) to completion.
    static RunResult run(const QStringList& args, const QProcessEnvironment& env = testEnvironment(),
                         const QByteArray& stdinData = {}, int timeoutMs = 60'000);

    // Serves: `--data-dir dir --listen 127.0.0.1:0 [--http]` + extraArgs.
    bool start(const QString& dataDir, bool tls, const QStringList& extraArgs = {},
               const QProcessEnvironment& env = testEnvironment(), int timeoutMs = 30'000);
    // Any arguments; waits for the serving line.
    bool startWithArgs(const QStringList& args, const QProcessEnvironment& env, int timeoutMs = 30'000);

    bool isRunning() const;
    QString url(const QString& path = {}) const; // scheme://127.0.0.1:<port><path>
    QString announcedUrl() const { return m_announcedUrl; }
    QString version() const { return m_version; }
    QString fingerprint() const { return m_fingerprint; }
    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls; }
    qint64 pid() const;
    QString certificatePath() const; // <dataDir>/tls/cert.pem
    QString startError() const { return m_startError; }

    qint64 peakRssBytes() const;    // VmHWM, -1 if unknown
    qint64 currentRssBytes() const; // VmRSS, -1 if unknown

    QByteArray stdoutData();
    QByteArray stderrData(); // everything every start of this object wrote to stderr

    // SIGTERM, then waits; true if it exited on its own within the timeout.
    bool terminate(int timeoutMs = 15'000);
    void kill(); // SIGKILL, then waits
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

private:
    void drain();
    bool waitForStartupLines(int timeoutMs);
    bool parseStartupLines();
    qint64 procStatusBytes(const QByteArray& field) const;

    QProcess m_process;
    QTemporaryDir m_logDir;
    QString m_dataDir;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_announcedUrl;
    QString m_version;
    QString m_fingerprint;
    QString m_startError;
    quint16 m_port = 0;
    bool m_tls = false;
};
