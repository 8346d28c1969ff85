#include "wrkrun.h"

#include "benchfailure.h"
#include "instances.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {

// Beyond its own duration wrk needs a moment to connect and to report; longer means it hangs.
constexpr int WrkGraceMs = 30'000;
constexpr int PollMs = 200;

double match(const QString& text, const QString& pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch found = expression.match(text);
    return found.hasMatch() ? found.captured(1).toDouble() : 0.0;
}

// wrk writes "     99%    1.30ms": microseconds, milliseconds, seconds or minutes.
double latencyMs(const QString& text, int percentile)
{
    const QRegularExpression line(u"^\\s*%1%\\s+([0-9.]+)(us|ms|s|m)\\s*$"_s.arg(percentile),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch found = line.match(text);
    if (!found.hasMatch())
        return 0.0;
    const double value = found.captured(1).toDouble();
    const QString unit = found.captured(2);
    if (unit == u"us")
        return value / 1000.0;
    if (unit == u"s")
        return value * 1000.0;
    if (unit == u"m")
        return value * 60'000.0;
    return value;
}

qint64 socketErrors(const QString& text)
{
    static const QRegularExpression line(u"Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"_s);
    const QRegularExpressionMatch found = line.match(text);
    qint64 sum = 0;
    for (int group = 1; found.hasMatch() && group <= 4; ++group)
        sum += found.captured(group).toLongLong();
    return sum;
}

WrkResult parse(const QString& text)
{
    WrkResult result;
    result.requestsPerSecond = match(text, u"^Requests/sec:\\s+([0-9.]+)"_s);
    result.requests = qint64(match(text, u"^\\s*(\\d+) requests in "_s));
    result.p50Ms = latencyMs(text, 50);
    result.p99Ms = latencyMs(text, 99);
    result.non2xx = qint64(match(text, u"Non-2xx or 3xx responses: (\\d+)"_s));
    result.socketErrors = socketErrors(text);
    return result;
}

qint64 serverTicks(const Side& side)
{
    qint64 sum = 0;
    for (const qint64 pid : side.serverPids)
        sum += cpuTicks(pid);
    return sum;
}

qint64 proxyTicks(const Side& side)
{
    return side.proxyPid > 0 ? cpuTicks(side.proxyPid) : 0;
}

// Waits for wrk in short steps, so that Ctrl-C ends the run within a fraction of a second.
void waitBounded(QProcess& wrk, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!wrk.waitForFinished(PollMs)) {
        if (wrk.state() == QProcess::NotRunning)
            return;
        if (interrupted() || deadline.hasExpired()) {
            wrk.kill();
            wrk.waitForFinished();
            throwIfInterrupted();
            throw BenchFailure(u"wrk did not finish within %1 s"_s.arg(timeoutMs / 1000));
        }
    }
}

QString whole(double value)
{
    return QString::number(value, 'f', 0);
}

} // namespace

double WrkResult::serverMicrosPerRequest() const
{
    return requests > 0 ? double(serverTicks) * 1e6 / clockTicksPerSecond() / double(requests) : 0.0;
}

double WrkResult::proxyMicrosPerRequest() const
{
    return requests > 0 ? double(proxyTicks) * 1e6 / clockTicksPerSecond() / double(requests) : 0.0;
}

double WrkResult::serverCpuPercent() const
{
    return windowSeconds > 0 ? double(serverTicks) * 100.0 / clockTicksPerSecond() / windowSeconds : 0.0;
}

WrkResult runWrk(const LoadSettings& settings, const Side& side, int seconds)
{
    throwIfInterrupted();
    QStringList arguments{u"-t1"_s, u"-c%1"_s.arg(settings.connections), u"-d%1s"_s.arg(seconds), u"--latency"_s};
    if (!side.authorization.isEmpty())
        arguments << u"-H"_s << u"Authorization: "_s + QString::fromLatin1(side.authorization);
    arguments << side.url;
    QString program = u"wrk"_s;
    if (settings.loadCore >= 0) {
        arguments = QStringList{u"-c"_s, QString::number(settings.loadCore), program} + arguments;
        program = u"taskset"_s;
    }
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    const qint64 serverBefore = serverTicks(side);
    const qint64 proxyBefore = proxyTicks(side);
    QElapsedTimer window;
    window.start();
    wrk.start(program, arguments);
    if (!wrk.waitForStarted())
        throw BenchFailure(u"%1 did not start: %2"_s.arg(program, wrk.errorString()));
    waitBounded(wrk, seconds * 1000 + WrkGraceMs);
    const qint64 serverAfter = serverTicks(side);
    const qint64 proxyAfter = proxyTicks(side);
    const double windowSeconds = double(window.nsecsElapsed()) / 1e9;
    const QString output = QString::fromUtf8(wrk.readAll());
    if (wrk.exitStatus() != QProcess::NormalExit || wrk.exitCode() != 0)
        throw BenchFailure(u"wrk failed against %1: %2"_s.arg(side.label, output.right(500)));
    WrkResult result = parse(output);
    result.seconds = seconds;
    result.windowSeconds = windowSeconds;
    result.serverTicks = serverAfter - serverBefore;
    result.proxyTicks = proxyAfter - proxyBefore;
    return result;
}

Comparison compare(const LoadSettings& settings, const Side& a, const Side& b)
{
    Comparison comparison{a, b, {}, {}};
    for (const Side* side : {&a, &b}) {
        const WrkResult warmup = runWrk(settings, *side, settings.warmupSecs);
        if (!warmup.clean())
            throw BenchFailure(u"warm-up of %1: %2 requests, %3 non-2xx, %4 socket errors"_s.arg(
                side->label, QString::number(warmup.requests), QString::number(warmup.non2xx),
                QString::number(warmup.socketErrors)));
    }
    for (int round = 1; round <= settings.rounds; ++round) {
        comparison.aRuns << runWrk(settings, a, settings.durationSecs);
        comparison.bRuns << runWrk(settings, b, settings.durationSecs);
        const WrkResult& ra = comparison.aRuns.last();
        const WrkResult& rb = comparison.bRuns.last();
        progress(u"  round %1: %2 %3 req/s (%4 µs CPU/req), %5 %6 req/s (%7 µs CPU/req)"_s.arg(
            QString::number(round), a.label, whole(ra.requestsPerSecond),
            QString::number(ra.serverMicrosPerRequest(), 'f', 1), b.label, whole(rb.requestsPerSecond),
            QString::number(rb.serverMicrosPerRequest(), 'f', 1)));
    }
    return comparison;
}

QString wrkVersion()
{
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    wrk.start(u"wrk"_s, {u"-v"_s});
    wrk.waitForFinished(10'000);
    return QString::fromUtf8(wrk.readAll()).section(u'\n', 0, 0).section(u' ', 0, 1);
}
