#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

// Debian's own interpreter (/usr/bin/python3 with python3-jwt and python3-bcrypt), so the
// server is checked against independent implementations of JWT and bcrypt. The python3 on
// PATH may be another installation without those modules, so the path is fixed. Header-only,
// so a unit test can use it and still link nothing but its module.
namespace PythonTool {

struct Result
{
    bool ok = false;   // exited normally with code 0
    QByteArray output; // stdout, trimmed
    QString error;     // why not ok: start failure, timeout, exit code and stderr
};

inline QString interpreter()
{
    return QStringLiteral("/usr/bin/python3");
}

// Runs `script` (python -c) with `input` on stdin. Secrets go through stdin, never argv,
// so they do not show in the process list.
inline Result run(const QString& script, const QByteArray& input = {}, int timeoutMs = 60'000)
{
    Result result;
    QProcess process;
    process.start(interpreter(), {QStringLiteral("-c"), script});
    if (!process.waitForStarted(timeoutMs)) {
        result.error = QStringLiteral("cannot start %1: %2").arg(interpreter(), process.errorString());
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.error = QStringLiteral("python timed out after %1 ms").arg(timeoutMs);
        return result;
    }
    result.output = process.readAllStandardOutput().trimmed();
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!result.ok)
        result.error = QStringLiteral("python exited with %1: %2")
                           .arg(process.exitCode())
                           .arg(QString::fromUtf8(process.readAllStandardError().right(1500)));
    return result;
}

} // namespace PythonTool
