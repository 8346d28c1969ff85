#include "config/systemdcredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

bool SystemdCredentials::apply(const QProcessEnvironment& environment, Config& config, QString* error)
{
    const QString directory = environment.value(QStringLiteral("CREDENTIALS_DIRECTORY"));
    if (directory.isEmpty())
        return true;
    const QDir credentials(directory);
    const QString password = credentials.filePath(QStringLiteral("admin-password"));
    if (config.adminPasswordFile.isEmpty() && QFileInfo(password).isFile())
        config.adminPasswordFile = password; // read (first line) when the server starts
    QFile key(credentials.filePath(QStringLiteral("secret-key")));
    if (!config.secretKey.isEmpty() || !key.exists())
        return true;
    if (!key.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the credential %1: %2").arg(key.fileName(), key.errorString());
        return false;
    }
    // The key's bytes as SECRET_KEY takes them, without the line end an editor adds.
    QByteArray bytes = key.readAll();
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.isEmpty()) {
        *error = QStringLiteral("the credential %1 is empty").arg(key.fileName());
        return false;
    }
    config.secretKey = bytes;
    return true;
}
