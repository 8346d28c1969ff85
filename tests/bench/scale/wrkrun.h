#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// How the load is generated: `wrk -t1 -c<connections> -d<seconds>s --latency`, keep-alive, as
// tests/bench/run.sh does, pinned to loadCore with taskset (-1: not pinned).
struct LoadSettings
{
    int durationSecs = 8;
    int rounds = 3;
    int warmupSecs = 2;
    int connections = 32;
    int loadCore = -1;
};

// One side of a comparison: what wrk requests, with which Authorization header, and whose CPU
// time that costs: the gatehoused instances (summed) and, behind nginx, nginx itself.
struct Side
{
    QString label;
    QString url;
    QByteArray authorization; // the header's whole value, "Bearer ..."
    QList<qint64> serverPids;
    qint64 proxyPid = 0;
};

// One measured wrk run.
struct WrkResult
{
    int seconds = 0;            // wrk's -d
    double windowSeconds = 0.0; // between the two readings of CPU time, wrk's start and exit included
    double requestsPerSecond = 0;
    qint64 requests = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
    qint64 serverTicks = 0; // the side's gatehoused instances during the run
    qint64 proxyTicks = 0;  // its nginx during the run

    // A run with refused requests or broken connections measured something else than throughput.
    bool clean() const { return requests > 0 && non2xx == 0 && socketErrors == 0; }
    double serverMicrosPerRequest() const;
    double proxyMicrosPerRequest() const;
    double serverCpuPercent() const; // of one core, over the window the CPU time was read across
};

// A warm-up of each side, then `rounds` measured runs alternating A, B, A, B, ..., so that
// drift on the machine hits both sides alike.
struct Comparison
{
    Side a;
    Side b;
    QList<WrkResult> aRuns;
    QList<WrkResult> bRuns;
};

// One bounded wrk run against `side`; throws BenchFailure when wrk fails or the run is
// interrupted.
WrkResult runWrk(const LoadSettings& settings, const Side& side, int seconds);
// Throws as well when a warm-up is not clean: the credential or the set-up is wrong, and the
// measured rounds would only count error answers.
Comparison compare(const LoadSettings& settings, const Side& a, const Side& b);
// The first line of `wrk -v`, for the report.
QString wrkVersion();
