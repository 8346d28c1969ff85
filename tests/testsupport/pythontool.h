#pragma once

#include <QByteArray>
#include <QString>

// Debian's own interpreter (/usr/bin/python3 with python3-jwt and python3-bcrypt), so the
// server is checked against independent implementations of JWT and bcrypt. The python3 on
// PATH may be another installation without those modules, so the path is fixed.
namespace PythonTool {

struct Result
{
    bool ok = false;       // exited normally with code 0
    QByteArray output;     // stdout, trimmed
    QString error;         // why not ok: start failure, timeout, exit code and stderr
};

QString interpreter();
// Runs `script` (python -c) with `input` on stdin. Secrets go through stdin, never argv,
// so they do not show in the process list.
Result run(const QString& script, const QByteArray& input = {}, int timeoutMs = 60'000);

} // namespace PythonTool
