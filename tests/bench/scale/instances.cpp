#include "instances.h"

#include "benchfailure.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <pthread.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// A seeded database loads its sessions before the serving line: generous, so that a slow
// start is measured and reported rather than cut short.
constexpr int StartTimeoutMs = 180'000;
constexpr int StopTimeoutMs = 15'000;

QString describe(const HttpResponse& response)
{
    return u"%1 %2"_s.arg(QString::number(response.status), QString::fromUtf8(response.body.left(300)));
}

} // namespace

ThreadPin::ThreadPin(int core)
{
    if (core < 0 || pthread_getaffinity_np(pthread_self(), sizeof(m_previous), &m_previous) != 0)
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(core, &one);
    m_pinned = pthread_setaffinity_np(pthread_self(), sizeof(one), &one) == 0;
    if (!m_pinned)
        throw BenchFailure(u"cannot pin a thread to core %1"_s.arg(core));
}

ThreadPin::~ThreadPin()
{
    if (m_pinned)
        pthread_setaffinity_np(pthread_self(), sizeof(m_previous), &m_previous);
}

QString allowedCores(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return u"?"_s;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("Cpus_allowed_list:"))
            return QString::fromLatin1(line.mid(18).trimmed());
    }
    return u"?"_s;
}

qint64 cpuTicks(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        throw BenchFailure(u"process %1 has gone (no /proc/%1/stat)"_s.arg(pid));
    // The command name may hold spaces and parentheses: fields are counted after its last ')'.
    // There the state is the first field (stat's 3rd), utime the 12th (14th) and stime the 13th.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        throw BenchFailure(u"cannot read the CPU time of process %1"_s.arg(pid));
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

double clockTicksPerSecond()
{
    return double(::sysconf(_SC_CLK_TCK));
}

QProcessEnvironment benchEnvironment(const QString& postgresPassword, const QString& keyFile)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"GATEHOUSE_KEYSTORE"_s, u"file"_s);
    environment.insert(u"GLOBAL_RATE_LIMIT_RPS"_s, u"0"_s);
    environment.insert(u"MAX_LOGIN_ATTEMPTS"_s, u"0"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // nginx on loopback speaks for its clients in X-Forwarded-For, as docs/FORWARD-AUTH.md sets up.
    environment.insert(u"GATEHOUSE_TRUSTED_PROXIES"_s, u"127.0.0.1"_s);
    if (!postgresPassword.isEmpty())
        environment.insert(u"PGPASSWORD"_s, postgresPassword);
    if (!keyFile.isEmpty())
        environment.insert(u"GATEHOUSE_SECRET_KEY_FILE"_s, keyFile);
    return environment;
}

Instance::Instance(const Target& target, const QProcessEnvironment& environment)
    : m_target(target), m_environment(environment)
{}

double Instance::start(int core)
{
    QDir().mkpath(m_target.dataDir);
    QStringList arguments{u"--http"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_target.dataDir};
    if (m_target.isPostgres())
        arguments << u"--database"_s << m_target.databaseUrl;
    const ThreadPin pin(core);
    QElapsedTimer timer;
    timer.start();
    if (!m_process.startWithArgs(arguments, m_environment, StartTimeoutMs))
        throw BenchFailure(u"gatehoused (%1) did not start: %2"_s.arg(m_target.name, m_process.startError()));
    return double(timer.nsecsElapsed()) / 1e6;
}

void Instance::stop()
{
    if (!m_process.isRunning())
        return;
    if (!m_process.terminate(StopTimeoutMs))
        throw BenchFailure(u"gatehoused (%1) ignored SIGTERM for %2 s and was killed"_s.arg(
            m_target.name, QString::number(StopTimeoutMs / 1000)));
}

QString Instance::address() const
{
    return u"127.0.0.1:%1"_s.arg(m_process.port());
}

qint64 Instance::loggedLiveSessions()
{
    static const QRegularExpression line(u"(\\d+) live sessions"_s);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(m_process.stderrData()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

void Instance::setAdminPassword(const QString& password)
{
    const HttpResponse response =
        m_http.put(QUrl(url(u"/flex/auth/password"_s)), QJsonObject{{u"password"_s, password}});
    if (response.status != 200)
        throw BenchFailure(u"PUT /flex/auth/password (%1) answered %2"_s.arg(m_target.name, describe(response)));
}

QByteArray Instance::flexLogin(const QString& password)
{
    const HttpResponse login = m_http.post(QUrl(url(u"/flex/auth/login"_s)), QJsonObject{{u"password"_s, password}});
    const QByteArray token = login.object().value(u"token"_s).toString().toUtf8();
    if (login.status != 200 || token.isEmpty())
        throw BenchFailure(
            u"POST /flex/auth/login (%1) answered %2"_s.arg(m_target.name, QString::number(login.status)));
    const HttpResponse session = m_http.get(QUrl(url(u"/flex/auth/session"_s)), HttpClient::bearer(token));
    if (session.status != 200)
        throw BenchFailure(
            u"GET /flex/auth/session (%1) with a new token answered %2"_s.arg(m_target.name, describe(session)));
    return token;
}

QByteArray Instance::createApiToken(const QString& password, const QString& name)
{
    const HttpResponse login = m_http.post(QUrl(url(u"/api/auth/login"_s)),
                                           QJsonObject{{u"username"_s, u"admin"_s}, {u"password"_s, password}});
    const QByteArray access = login.object().value(u"access_token"_s).toString().toUtf8();
    if (login.status != 200 || access.isEmpty())
        throw BenchFailure(
            u"POST /api/auth/login (%1) answered %2"_s.arg(m_target.name, QString::number(login.status)));
    const QJsonObject body{{u"name"_s, name}, {u"permissions"_s, QJsonArray{u"system:read"_s}}};
    const HttpResponse created = m_http.post(QUrl(url(u"/api/tokens"_s)), body, HttpClient::bearer(access));
    const QByteArray secret = created.object().value(u"secret"_s).toString().toUtf8();
    if (created.status != 201 || secret.isEmpty())
        throw BenchFailure(u"POST /api/tokens (%1) answered %2"_s.arg(m_target.name, describe(created)));
    return secret;
}
