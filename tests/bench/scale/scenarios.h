#pragma once

#include "instances.h"
#include "report.h"
#include "wrkrun.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

// What the measured phases share: the load settings, the cores, the admin password, the five
// gatehoused configurations (their databases already prepared and seeded) and their
// environments.
struct Setup
{
    LoadSettings load;
    int serverCore = -1; // every gatehoused (-1: not pinned)
    QString password;
    Target sqliteEmpty;
    Target sqliteSeeded;
    Target postgresEmpty;
    Target postgresSeeded;
    Target postgresSeededSecond; // a second instance on the seeded PostgreSQL database
    QProcessEnvironment sqliteEnvironment;
    QProcessEnvironment postgresEnvironment;

    const QProcessEnvironment& environmentFor(const Target& target) const
    {
        return target.isPostgres() ? postgresEnvironment : sqliteEnvironment;
    }
};

// Starts each target `starts` times, alternating between them, and stops it again after
// reading its memory.
QList<StartupFigures> measureStartups(const Setup& setup, const QList<Target>& targets, int starts);
// Pairs 1 (SQLite seeded vs empty) and 2 (PostgreSQL vs SQLite, both seeded), and the
// instances' memory after their runs.
void measureEngines(const Setup& setup, ReportData& report);
// Pair 3: forward-auth through nginx to two gatehoused instances on the seeded PostgreSQL
// database vs to one of them.
void measureNginx(const Setup& setup, ReportData& report);
