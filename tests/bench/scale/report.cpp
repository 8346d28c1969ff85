#include "report.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QString thousands(double value)
{
    return QLocale(QLocale::English).toString(qint64(value + 0.5));
}

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

QString megabytes(double kilobytes)
{
    return u"%1 MB"_s.arg(fixed(kilobytes / 1024.0));
}

template <typename Getter>
double medianOf(const QList<WrkResult>& runs, Getter get)
{
    QList<double> values;
    for (const WrkResult& run : runs)
        values << get(run);
    return median(values);
}

double medianRps(const QList<WrkResult>& runs)
{
    return medianOf(runs, [](const WrkResult& run) { return run.requestsPerSecond; });
}

double medianServerCpu(const QList<WrkResult>& runs)
{
    return medianOf(runs, [](const WrkResult& run) { return run.serverMicrosPerRequest(); });
}

bool allClean(const QList<WrkResult>& runs)
{
    return std::all_of(runs.cbegin(), runs.cend(), [](const WrkResult& run) { return run.clean(); });
}

QString verdict(double ratio, double goal)
{
    if (goal <= 0)
        return u"(no goal)"_s;
    return ratio >= goal ? u"PASS"_s : u"MISS"_s;
}

QString throughputTable(const ReportData& data)
{
    QString text = u"| comparison (A vs B) | A req/s | B req/s | A/B | A/B per round | A µs CPU/req | B µs CPU/req "
                   "| CPU B/A | goal | req/s | CPU |\n|---|---:|---:|---:|---|---:|---:|---:|---|---|---|\n"_s;
    for (const PairReport& pair : data.pairs) {
        const Comparison& c = pair.comparison;
        const bool clean = allClean(c.aRuns) && allClean(c.bRuns);
        const double ratio = medianRps(c.aRuns) / medianRps(c.bRuns);
        const double cpuRatio = medianServerCpu(c.bRuns) / medianServerCpu(c.aRuns);
        QStringList perRound;
        for (qsizetype i = 0; i < c.aRuns.size() && i < c.bRuns.size(); ++i)
            perRound << fixed(c.aRuns.at(i).requestsPerSecond / c.bRuns.at(i).requestsPerSecond, 2);
        const QString goal = pair.goal > 0 ? u">= "_s + fixed(pair.goal, 2) : u"—"_s;
        text += u"| %1: %2 vs %3 | %4 | %5 | **%6** | %7 | %8 | %9 | %10 | %11 | %12 | %13 |\n"_s.arg(
            pair.title, c.a.label, c.b.label, thousands(medianRps(c.aRuns)), thousands(medianRps(c.bRuns)),
            clean ? fixed(ratio, 2) : u"INVALID"_s, perRound.join(u' '), fixed(medianServerCpu(c.aRuns)),
            fixed(medianServerCpu(c.bRuns)), fixed(cpuRatio, 2), goal, clean ? verdict(ratio, pair.goal) : u"MISS"_s,
            verdict(cpuRatio, pair.goal));
    }
    return text;
}

QString startupTable(const ReportData& data)
{
    QString text = u"| instance | live sessions loaded | start-up ms, median | the 3 starts, ms | VmRSS 2 s after "
                   "start, median | VmHWM, median |\n|---|---:|---:|---|---:|---:|\n"_s;
    for (const StartupFigures& figures : data.startups) {
        QList<double> ms, rss, peak;
        QStringList each;
        qint64 live = -1;
        for (const StartupSample& sample : figures.samples) {
            ms << sample.milliseconds;
            rss << double(sample.rssKb);
            peak << double(sample.peakKb);
            each << fixed(sample.milliseconds, 0);
            live = sample.liveSessions;
        }
        text += u"| %1 | %2 | %3 | %4 | %5 | %6 |\n"_s.arg(figures.target, live >= 0 ? thousands(double(live)) : u"?"_s,
                                                           fixed(median(ms), 0), each.join(u' '),
                                                           megabytes(median(rss)), megabytes(median(peak)));
    }
    return text;
}

double medianRssKb(const StartupFigures& figures, bool peak)
{
    QList<double> values;
    for (const StartupSample& sample : figures.samples)
        values << double(peak ? sample.peakKb : sample.rssKb);
    return median(values);
}

double medianStartMs(const StartupFigures& figures)
{
    QList<double> values;
    for (const StartupSample& sample : figures.samples)
        values << sample.milliseconds;
    return median(values);
}

// Seeded minus empty of the same engine (startups come in pairs: empty, then seeded), scaled
// to 100,000 live sessions.
QString perSessionTable(const ReportData& data)
{
    QString text = u"| engine | VmRSS seeded − empty | KB per 100,000 live sessions | bytes per live session "
                   "| VmHWM seeded − empty | start-up seeded − empty |\n|---|---:|---:|---:|---:|---:|\n"_s;
    const double scale = data.counts.live > 0 ? 100'000.0 / double(data.counts.live) : 0.0;
    for (qsizetype i = 0; i + 1 < data.startups.size(); i += 2) {
        const StartupFigures& empty = data.startups.at(i);
        const StartupFigures& seeded = data.startups.at(i + 1);
        const double rss = medianRssKb(seeded, false) - medianRssKb(empty, false);
        const double peak = medianRssKb(seeded, true) - medianRssKb(empty, true);
        const double bytesPerSession = data.counts.live > 0 ? rss * 1024.0 / double(data.counts.live) : 0.0;
        text += u"| %1 | %2 | **%3** | %4 | %5 | %6 ms |\n"_s.arg(
            seeded.target.section(u' ', 0, 0), megabytes(rss), thousands(rss * scale), thousands(bytesPerSession),
            megabytes(peak), fixed(medianStartMs(seeded) - medianStartMs(empty), 0));
    }
    return text;
}

QString runRows(const ReportData& data)
{
    QString text = u"| pair | run | req/s | gatehoused µs CPU/req | gatehoused CPU % | nginx µs CPU/req | p50 ms "
                   "| p99 ms | non-2xx | socket errors |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"_s;
    for (const PairReport& pair : data.pairs) {
        const Comparison& c = pair.comparison;
        for (qsizetype i = 0; i < c.aRuns.size(); ++i) {
            for (const auto& [side, run] : {qMakePair(&c.a, c.aRuns.at(i)), qMakePair(&c.b, c.bRuns.value(i))}) {
                text += u"| %1 | %2 %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 |\n"_s.arg(
                    pair.title, side->label, QString::number(i + 1), thousands(run.requestsPerSecond),
                    fixed(run.serverMicrosPerRequest()), fixed(run.serverCpuPercent(), 0),
                    side->proxyPid > 0 ? fixed(run.proxyMicrosPerRequest()) : u"—"_s, fixed(run.p50Ms, 2),
                    fixed(run.p99Ms, 2), QString::number(run.non2xx), QString::number(run.socketErrors));
            }
        }
    }
    return text;
}

} // namespace

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2.0;
}

QString renderReport(const ReportData& data)
{
    QString text = u"# Gatehouse scale benchmark\n\n"_s;
    text += u"- command: `%1`\n"_s.arg(data.commandLine);
    text += u"- date: %1; Gatehouse %2; %3\n"_s.arg(data.date, data.version, data.tools);
    text += u"- machine: %1; load average before %2, after %3\n"_s.arg(data.machine, data.loadBefore, data.loadAfter);
    text += u"- pinning: %1\n"_s.arg(data.pinning);
    text += u"- load: `wrk -t1 -c%1 -d%2s --latency`, keep-alive, loopback; a %3 s warm-up of each side, then %4 "
            "rounds alternating A, B; the medians over the rounds are shown\n"_s.arg(
                QString::number(data.settings.connections), QString::number(data.settings.durationSecs),
                QString::number(data.settings.warmupSecs), QString::number(data.settings.rounds));
    QStringList seeding;
    for (const auto& [engine, seconds] : data.seedingSeconds)
        seeding << u"%1 %2 s"_s.arg(engine, fixed(seconds));
    text += u"- seeded databases: %1 live + %2 ended (revoked a minute ago) sessions of the admin, besides the "
            "benchmark's own logins; seeding took %3\n\n"_s.arg(
                thousands(double(data.counts.live)), thousands(double(data.counts.ended)), seeding.join(u", "_s));

    text += u"## Throughput\n\nA/B is the ratio of the median requests per second; CPU B/A the ratio of the "
            "gatehoused CPU time per request (user + system, /proc/PID/stat), which moves less with other work "
            "on the machine.\n\n"_s;
    for (const PairReport& pair : data.pairs)
        text += u"- **%1**: %2\n"_s.arg(pair.title, pair.description);
    text += u"\n"_s + throughputTable(data);

    text += u"\n## Start-up and memory\n\nEach instance started 3 times, alternating; start-up is from the "
            "start of the process to its serving line, memory is read 2 s later.\n\n"_s
        + startupTable(data) + u"\n"_s + perSessionTable(data);
    if (!data.rssAfterRunsKb.isEmpty()) {
        text += u"\nVmRSS of the benchmarked instances after their runs (gatehoused returns freed heap to the system "
                "every 30 s): "_s;
        QStringList items;
        for (const auto& [label, kb] : data.rssAfterRunsKb)
            items << u"%1 %2"_s.arg(label, megabytes(double(kb)));
        text += items.join(u"; "_s) + u".\n"_s;
    }
    if (!data.notes.isEmpty())
        text += u"\n## Notes\n\n- "_s + data.notes.join(u"\n- "_s) + u"\n"_s;
    text += u"\n## Every measured run\n\n"_s + runRows(data);
    return text;
}
