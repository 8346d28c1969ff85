#include "pythontool.h"

#include <QProcess>

namespace PythonTool {

QString interpreter()
{
    return QStringLiteral("/usr/bin/python3");
}

Result run(const QString& script, const QByteArray& input, int timeoutMs)
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
