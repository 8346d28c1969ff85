#include "config/adminpasswordfile.h"

#include "crypto/passwordpolicy.h"

#include <QFile>

std::optional<QString> AdminPasswordFile::read(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the admin password file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Bounded: a password longer than the policy allows is refused later anyway.
    QByteArray line = file.readLine(PasswordPolicy::MaxBytes * 4);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QStringLiteral("the admin password file %1 is empty").arg(path);
        return std::nullopt;
    }
    return QString::fromUtf8(line);
}
