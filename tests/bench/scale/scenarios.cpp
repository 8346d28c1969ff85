#include "scenarios.h"

#include "benchfailure.h"
#include "tests/testsupport/nginxprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// Memory is read a moment after the serving line, once start-up work that finishes after it
// (timers, the first event loop turns) is done, as tests/bench/run.sh does.
constexpr int SettleMs = 2'000;
constexpr int NginxChecks = 4;

qint64 kilobytes(qint64 bytes)
{
    return bytes >= 0 ? bytes / 1024 : 0;
}

// NginxProcess keeps its pid to itself: find our child running the nginx binary that is not
// one already known.
qint64 nginxChild(const QList<qint64>& known)
{
    const QString nginx = QFileInfo(NginxProcess::binaryPath()).canonicalFilePath();
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || known.contains(pid) || QFileInfo(u"/proc/%1/exe"_s.arg(pid)).canonicalFilePath() != nginx)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == ::getpid())
            return pid;
    }
    throw BenchFailure(u"cannot find the nginx child process"_s);
}

// Before anything is timed, the site must refuse a request without a credential and let the
// token through, on every upstream (nginx takes them in turn).
void checkForwardAuth(const NginxProcess& nginx, const QByteArray& authorization)
{
    HttpClient http;
    const QUrl url(nginx.url(u"/pages/x"_s));
    const HttpResponse anonymous = http.get(url);
    if (anonymous.status != 401)
        throw BenchFailure(u"nginx without a credential answered %1, expected 401"_s.arg(anonymous.status));
    for (int i = 0; i < NginxChecks; ++i) {
        const HttpResponse allowed = http.get(url, {{QByteArrayLiteral("Authorization"), authorization}});
        if (allowed.status != 200)
            throw BenchFailure(u"nginx with the API token answered %1: %2"_s.arg(
                QString::number(allowed.status), QString::fromUtf8(allowed.body.left(200))));
    }
}

Side flexSide(const QString& label, Instance& instance, const QString& password)
{
    return Side{
        label, instance.url(u"/flex/auth/session"_s), "Bearer " + instance.flexLogin(password), {instance.pid()}, 0};
}

} // namespace

QList<StartupFigures> measureStartups(const Setup& setup, const QList<Target>& targets, int starts)
{
    QList<StartupFigures> figures;
    for (const Target& target : targets)
        figures << StartupFigures{target.name, {}};
    for (int start = 1; start <= starts; ++start) {
        for (qsizetype i = 0; i < targets.size(); ++i) {
            throwIfInterrupted();
            Instance instance(targets.at(i), setup.environmentFor(targets.at(i)));
            StartupSample sample;
            sample.milliseconds = instance.start(setup.serverCore);
            QThread::msleep(SettleMs);
            sample.rssKb = kilobytes(instance.process().currentRssBytes());
            sample.peakKb = kilobytes(instance.process().peakRssBytes());
            sample.liveSessions = instance.loggedLiveSessions();
            instance.stop();
            figures[i].samples << sample;
            progress(u"  %1, start %2: %3 ms to the serving line, VmRSS %4 KB, VmHWM %5 KB, %6 live sessions"_s.arg(
                targets.at(i).name, QString::number(start), QString::number(sample.milliseconds, 'f', 0),
                QString::number(sample.rssKb), QString::number(sample.peakKb), QString::number(sample.liveSessions)));
        }
    }
    return figures;
}

void measureEngines(const Setup& setup, ReportData& report)
{
    Instance sqliteSeeded(setup.sqliteSeeded, setup.sqliteEnvironment);
    Instance sqliteEmpty(setup.sqliteEmpty, setup.sqliteEnvironment);
    Instance postgresSeeded(setup.postgresSeeded, setup.postgresEnvironment);
    for (Instance* instance : {&sqliteSeeded, &sqliteEmpty, &postgresSeeded}) {
        instance->start(setup.serverCore);
        report.notes << u"%1: gatehoused pid %2 allowed on cores %3"_s.arg(
            instance->target().name, QString::number(instance->pid()), allowedCores(instance->pid()));
    }
    const Side seeded = flexSide(u"sqlite seeded"_s, sqliteSeeded, setup.password);
    const Side empty = flexSide(u"sqlite empty"_s, sqliteEmpty, setup.password);
    const Side postgres = flexSide(u"postgresql seeded"_s, postgresSeeded, setup.password);

    progress(u"[1/3] sqlite: seeded vs empty database"_s);
    report.pairs << PairReport{u"1. sessions in SQLite"_s,
                               u"`GET /flex/auth/session` with the bearer of a real login, SQLite holding the "
                               "seed sessions vs an empty SQLite database (only the admin's password)"_s,
                               compare(setup.load, seeded, empty), 0.90};
    progress(u"[2/3] postgresql vs sqlite, both seeded"_s);
    report.pairs << PairReport{u"2. PostgreSQL"_s,
                               u"the same request, gatehoused on the seeded PostgreSQL database vs on the seeded "
                               "SQLite file (the request path never queries the database)"_s,
                               compare(setup.load, postgres, seeded), 0.95};
    for (Instance* instance : {&sqliteSeeded, &sqliteEmpty, &postgresSeeded})
        report.rssAfterRunsKb << qMakePair(instance->target().name, kilobytes(instance->process().currentRssBytes()));
    for (Instance* instance : {&sqliteSeeded, &sqliteEmpty, &postgresSeeded})
        instance->stop();
}

void measureNginx(const Setup& setup, ReportData& report)
{
    if (!NginxProcess::isAvailable())
        throw BenchFailure(NginxProcess::binaryPath() + u" is missing (Debian nginx-light)"_s);
    Instance first(setup.postgresSeeded, setup.postgresEnvironment);
    Instance second(setup.postgresSeededSecond, setup.postgresEnvironment);
    first.start(setup.serverCore);
    // Created before the second instance starts, so that it loads the token with the others
    // and the checks below cannot race the change notification that would otherwise tell it.
    const QByteArray authorization = "Bearer " + first.createApiToken(setup.password, u"bench-scale"_s);
    second.start(setup.serverCore);

    NginxSite oneSite;
    oneSite.gatehouses = {first.address()};
    NginxSite twoSite;
    twoSite.gatehouses = {first.address(), second.address()};
    NginxProcess nginxOne;
    NginxProcess nginxTwo;
    qint64 onePid = 0;
    qint64 twoPid = 0;
    {
        const ThreadPin pin(setup.load.loadCore);
        if (!nginxOne.start(oneSite))
            throw BenchFailure(u"nginx (one instance) did not start: "_s + nginxOne.startError());
        onePid = nginxChild({});
        if (!nginxTwo.start(twoSite))
            throw BenchFailure(u"nginx (two instances) did not start: "_s + nginxTwo.startError());
        twoPid = nginxChild({onePid});
    }
    checkForwardAuth(nginxOne, authorization);
    checkForwardAuth(nginxTwo, authorization);
    report.notes << u"nginx pids %1 and %2 allowed on cores %3 and %4"_s.arg(
        QString::number(onePid), QString::number(twoPid), allowedCores(onePid), allowedCores(twoPid));

    // Both sides count both instances' CPU time: on the one-instance side the second idles, and
    // what it spends idling is part of running two.
    const QList<qint64> instances{first.pid(), second.pid()};
    const Side two{u"2 instances"_s, nginxTwo.url(u"/pages/x"_s), authorization, instances, twoPid};
    const Side one{u"1 instance"_s, nginxOne.url(u"/pages/x"_s), authorization, instances, onePid};
    progress(u"[3/3] nginx forward-auth: two gatehoused instances vs one"_s);
    report.pairs << PairReport{u"3. two instances behind nginx"_s,
                               u"`GET /pages/x` through nginx's `auth_request` to gatehoused `/auth/verify` with an "
                               "API token (system:read; no forward-auth rules, so any valid credential passes), "
                               "upstream `gatehouse` holding both instances on the seeded PostgreSQL database vs only "
                               "the first; gatehoused CPU is both instances together"_s,
                               compare(setup.load, two, one), 0};
    nginxOne.stop();
    nginxTwo.stop();
    first.stop();
    second.stop();
}
