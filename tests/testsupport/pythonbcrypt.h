#pragma once

#include "tests/testsupport/pythontool.h"

// A bcrypt hash made by an independent implementation (Debian's python3-bcrypt), as an older
// system would have stored it: `prefix` "2a" or "2b" as python makes them, "2y" (PHP's name
// for the same algorithm) by renaming a "2b" hash. The password goes through stdin. Empty on
// failure, with the reason in `error`.
namespace PythonBcrypt {

inline QByteArray hash(const QByteArray& password, int cost, const QByteArray& prefix = "2b", QString* error = nullptr)
{
    const QString made = prefix == "2a" ? QStringLiteral("2a") : QStringLiteral("2b");
    const QString script =
        QStringLiteral("import sys, bcrypt\n"
                       "made = bcrypt.hashpw(sys.stdin.buffer.read(), bcrypt.gensalt(%1, prefix=b'%2'))\n"
                       "print(made.decode().replace('$%2$', '$%3$', 1))\n")
            .arg(cost)
            .arg(made, QString::fromLatin1(prefix));
    const PythonTool::Result result = PythonTool::run(script, password);
    if (!result.ok && error)
        *error = result.error;
    return result.ok ? result.output : QByteArray();
}

} // namespace PythonBcrypt
