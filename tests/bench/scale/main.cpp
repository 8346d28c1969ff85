// bench_scale: does Gatehouse keep its speed with a big database behind it? Issue 15, part 8.
//
//   build/tests/bench/bench_scale [--duration S] [--rounds N] [--live N] [--ended N]
//
// Seeds SQLite and PostgreSQL with live and ended sessions, then measures, each pair in
// alternating rounds with wrk: SQLite seeded vs empty, PostgreSQL vs SQLite (both seeded), and
// forward-auth through nginx to two instances vs one; and the start-up time and memory of
// seeded vs empty instances. Prints a markdown report and writes it to
// tests/bench/results/scale.md (git-ignored). A benchmark, never a test: it measures and
// reports PASS or MISS, and fails only when it cannot run. Run it alone on the machine
// (the build lock held), since any other work on the cores shows up in its figures.

#include "benchfailure.h"
#include "report.h"
#include "scenarios.h"
#include "seeding.h"
#include "tests/testsupport/postgres/postgresserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int ServerCore = 0;
constexpr int LoadCore = 1;
constexpr int StartsPerTarget = 3;
constexpr int KeyBytes = 32;

struct Options
{
    LoadSettings load;
    SeedCounts counts;
    bool pin = true;
};

qint64 positiveNumber(const QCommandLineParser& parser, const QCommandLineOption& option, qint64 least)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < least)
        throw BenchFailure(u"--%1 needs a whole number of at least %2"_s.arg(option.names().first()).arg(least));
    return value;
}

Options parseOptions(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Gatehouse scale benchmark: a big session table, SQLite vs PostgreSQL, "
                                     "two instances behind nginx."_s);
    parser.addHelpOption();
    const QCommandLineOption duration(u"duration"_s, u"Seconds per measured run."_s, u"S"_s, u"8"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"Alternating rounds per pair."_s, u"N"_s, u"3"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"Seconds of warm-up per side."_s, u"S"_s, u"2"_s);
    const QCommandLineOption live(u"live"_s, u"Live sessions to seed."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption ended(u"ended"_s, u"Ended (revoked) sessions to seed."_s, u"N"_s, u"1000000"_s);
    const QCommandLineOption noPin(u"no-pin"_s, u"Do not pin servers and load generator to cores."_s);
    parser.addOptions({duration, rounds, warmup, live, ended, noPin});
    parser.process(app);
    Options options;
    options.load.durationSecs = int(positiveNumber(parser, duration, 1));
    options.load.rounds = int(positiveNumber(parser, rounds, 1));
    options.load.warmupSecs = int(positiveNumber(parser, warmup, 1));
    options.counts.live = positiveNumber(parser, live, 1);
    options.counts.ended = positiveNumber(parser, ended, 0);
    options.pin = !parser.isSet(noPin);
    return options;
}

QString firstLine(const QString& path, const QString& prefix)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(prefix))
            return text.mid(prefix.size()).section(u':', 1).trimmed();
    }
    return {};
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

QString machine()
{
    return u"%1 cores, %2, %3 of memory, kernel %4"_s.arg(
        QString::number(::sysconf(_SC_NPROCESSORS_ONLN)), firstLine(u"/proc/cpuinfo"_s, u"model name"_s),
        firstLine(u"/proc/meminfo"_s, u"MemTotal"_s), QSysInfo::kernelVersion());
}

// The master key every instance of one PostgreSQL database must share, private to its owner.
QString writeKeyFile(const QTemporaryDir& scratch)
{
    const QString path = scratch.filePath(u"master.key"_s);
    QByteArray key(KeyBytes, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), KeyBytes / 4);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(key) != key.size())
        throw BenchFailure(u"cannot write "_s + path);
    return path;
}

// Letters and digits with a symbol and a digit at the end: nothing the password policy refuses.
QString randomPassword()
{
    static const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;
    QString password;
    for (int i = 0; i < 24; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return password + u"#9"_s;
}

QString tools(const PostgresServer& cluster)
{
    const QString postgres = cluster.psql(u"postgres"_s, u"SHOW server_version"_s).value_or(u"?"_s);
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::MergedChannels);
    nginx.start(u"/usr/sbin/nginx"_s, {u"-v"_s});
    nginx.waitForFinished(10'000);
    return u"%1, %2, PostgreSQL %3"_s.arg(wrkVersion(), QString::fromUtf8(nginx.readAll()).section(u':', 1).trimmed(),
                                          postgres.section(u' ', 0, 0));
}

int run(const QCoreApplication& app, const Options& options)
{
    if (QStandardPaths::findExecutable(u"wrk"_s).isEmpty())
        throw BenchFailure(u"wrk is missing (see packaging/debian-packages.txt)"_s);
    const bool pin =
        options.pin && ::sysconf(_SC_NPROCESSORS_ONLN) >= 2 && !QStandardPaths::findExecutable(u"taskset"_s).isEmpty();

    ReportData report;
    report.commandLine = app.arguments().join(u' ');
    report.date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    report.machine = machine();
    report.loadBefore = loadAverage();
    report.settings = options.load;
    report.settings.loadCore = pin ? LoadCore : -1;
    report.counts = options.counts;
    report.pinning = pin ? u"every gatehoused on core %1; wrk, nginx and PostgreSQL on core %2 (thread affinity "
                           "inherited at start, and taskset for wrk). With nginx the two gatehoused instances share "
                           "core %1 while nginx shares core %2 with wrk"_s.arg(ServerCore)
                               .arg(LoadCore)
                         : u"none (--no-pin, fewer than 2 cores or no taskset)"_s;

    QTemporaryDir scratch(QDir::temp().filePath(u"gatehouse-scale-XXXXXX"_s));
    if (!scratch.isValid())
        throw BenchFailure(u"cannot create a scratch directory: "_s + scratch.errorString());
    progress(u"scratch directory %1"_s.arg(scratch.path()));

    PostgresServer cluster;
    QString error;
    {
        // Off the server core: PostgreSQL is another machine's work in production.
        const ThreadPin pinPostgres(pin ? LoadCore : -1);
        if (!cluster.start(&error))
            throw BenchFailure(u"postgresql did not start: "_s + error);
    }
    const QString seededDatabase = cluster.createDatabase(&error);
    const QString emptyDatabase = seededDatabase.isEmpty() ? QString() : cluster.createDatabase(&error);
    if (emptyDatabase.isEmpty())
        throw BenchFailure(u"cannot create the postgresql databases: "_s + error);
    report.tools = tools(cluster);

    Setup setup;
    setup.load = report.settings;
    setup.serverCore = pin ? ServerCore : -1;
    setup.password = randomPassword();
    setup.sqliteEnvironment = benchEnvironment();
    setup.postgresEnvironment = benchEnvironment(cluster.password(), writeKeyFile(scratch));
    setup.sqliteEmpty = Target{u"sqlite empty"_s, scratch.filePath(u"sqlite-empty"_s), {}, {}};
    setup.sqliteSeeded = Target{u"sqlite seeded"_s, scratch.filePath(u"sqlite-seeded"_s), {}, {}};
    setup.postgresEmpty =
        Target{u"postgresql empty"_s, scratch.filePath(u"pg-empty"_s), cluster.url(emptyDatabase), emptyDatabase};
    setup.postgresSeeded =
        Target{u"postgresql seeded"_s, scratch.filePath(u"pg-seeded"_s), cluster.url(seededDatabase), seededDatabase};
    setup.postgresSeededSecond = Target{u"postgresql seeded, second instance"_s, scratch.filePath(u"pg-seeded-2"_s),
                                        cluster.url(seededDatabase), seededDatabase};

    progress(u"preparing 4 databases (schema, admin account and password)..."_s);
    for (const Target* target : {&setup.sqliteEmpty, &setup.sqliteSeeded, &setup.postgresEmpty, &setup.postgresSeeded})
        prepareDatabase(*target, setup.environmentFor(*target), setup.password);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    report.seedingSeconds << qMakePair(
        u"SQLite"_s, seedSqlite(QDir(setup.sqliteSeeded.dataDir).filePath(u"gatehouse.db"_s), options.counts, nowMs));
    report.seedingSeconds << qMakePair(u"PostgreSQL"_s, seedPostgres(cluster, seededDatabase, options.counts, nowMs));

    progress(u"start-up: %1 starts of each instance, alternating..."_s.arg(StartsPerTarget));
    report.startups = measureStartups(
        setup, {setup.sqliteEmpty, setup.sqliteSeeded, setup.postgresEmpty, setup.postgresSeeded}, StartsPerTarget);
    report.version = QString::fromUtf8(
        GatehousedProcess::run({u"--version"_s}, setup.sqliteEnvironment).stdoutData.trimmed().split(' ').value(1));
    measureEngines(setup, report);
    measureNginx(setup, report);
    report.loadAfter = loadAverage();
    report.notes << u"PostgreSQL runs on core %1 with the load generator: the request path never queries it (the "
                    "sessions' last-seen times are written in one batch every 5 s)"_s.arg(LoadCore);
    report.notes << u"behind nginx, the one-instance side counts both instances' CPU time too (the second "
                    "idles); NginxProcess, the tests' nginx, writes an access log line per request"_s;

    const QString text = renderReport(report);
    std::fputs(qPrintable(text), stdout);
    const QString results = QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/bench/results");
    QDir().mkpath(results);
    QFile file(results + u"/scale.md"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        throw BenchFailure(u"cannot write "_s + file.fileName());
    progress(u"written: "_s + file.fileName());
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    installInterruptHandlers();
    try {
        return run(app, parseOptions(app));
    } catch (const BenchFailure& failure) {
        progress(u"bench_scale: "_s + QString::fromUtf8(failure.what()));
        return interrupted() ? 130 : 1;
    }
}
