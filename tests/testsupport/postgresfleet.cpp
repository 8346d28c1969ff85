#include "postgresfleet.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <utility>

bool PostgresFleet::setUp(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    if (!m_cluster.start(error))
        return false;
    m_database = m_cluster.createDatabase(error);
    if (m_database.isEmpty())
        return false;
    QFile key(keyFile());
    QByteArray secret(32, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), secret.size() / 4);
    if (!key.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || key.write(secret) != secret.size()) {
        *error = QStringLiteral("cannot write ") + keyFile();
        return false;
    }
    return true;
}

bool PostgresFleet::setUpPair(GatehousedProcess& a, GatehousedProcess& b, const QString& adminPassword, QString* error)
{
    if (!setUp(error))
        return false;
    const auto passwd = command({QStringLiteral("passwd")}, adminPassword.toUtf8() + '\n');
    if (!passwd.finished || passwd.exitCode != 0) {
        *error = QStringLiteral("gatehoused passwd: ") + QString::fromUtf8(passwd.stderrData);
        return false;
    }
    for (auto [instance, name] : {std::pair{&a, "a"}, std::pair{&b, "b"}}) {
        if (!start(*instance, QLatin1String(name))) {
            *error = instance->startError();
            return false;
        }
    }
    return true;
}

QProcessEnvironment PostgresFleet::environment(const QProcessEnvironment& extra) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PGPASSWORD"), m_cluster.password());
    env.insert(QStringLiteral("GATEHOUSE_SECRET_KEY_FILE"), keyFile());
    env.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
    env.insert(QStringLiteral("GATEHOUSE_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1"));
    for (const QString& name : extra.keys())
        env.insert(name, extra.value(name));
    return GatehousedProcess::testEnvironment(env);
}

bool PostgresFleet::start(GatehousedProcess& instance, const QString& name, const QStringList& extraArgs,
                          const QProcessEnvironment& extraEnv)
{
    const QString dataDir = m_dir.filePath(name);
    QDir().mkpath(dataDir);
    return instance.start(dataDir, false, QStringList{QStringLiteral("--database"), databaseUrl()} + extraArgs,
                          environment(extraEnv));
}

GatehousedProcess::RunResult PostgresFleet::command(const QStringList& args, const QByteArray& stdinData) const
{
    const QString dataDir = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(dataDir);
    return GatehousedProcess::run(
        args + QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--database"), databaseUrl()},
        environment(), stdinData);
}
