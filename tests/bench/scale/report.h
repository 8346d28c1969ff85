#pragma once

#include "seeding.h"
#include "wrkrun.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// One start of a gatehoused: process start to serving line, and its memory two seconds later.
struct StartupSample
{
    double milliseconds = 0;
    qint64 rssKb = 0;
    qint64 peakKb = 0;
    qint64 liveSessions = -1; // from its log line; -1 if it did not say
};

struct StartupFigures
{
    QString target;
    QList<StartupSample> samples;
};

// A measured pair: A is the configuration under test, B what it is held against; the goal is
// the least A/B ratio of requests per second (0: none, the figure is for information).
struct PairReport
{
    QString title;
    QString description;
    Comparison comparison;
    double goal = 0;
};

struct ReportData
{
    QString commandLine;
    QString date;
    QString version;
    QString machine;
    QString pinning;
    QString loadBefore;
    QString loadAfter;
    QString tools; // wrk, nginx, PostgreSQL versions
    LoadSettings settings;
    SeedCounts counts;
    QList<QPair<QString, double>> seedingSeconds;
    QList<StartupFigures> startups; // empty then seeded, per engine
    QList<PairReport> pairs;
    QList<QPair<QString, qint64>> rssAfterRunsKb;
    QStringList notes;
};

// The whole report as markdown: summary tables first, every measured run last.
QString renderReport(const ReportData& data);
// The figure the summary compares; an even count takes the mean of the middle two.
double median(QList<double> values);
