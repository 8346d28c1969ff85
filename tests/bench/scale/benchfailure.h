#pragma once

#include <QString>

#include <stdexcept>

// A step of the scale benchmark that could not run. It is thrown rather than returned so that
// the stack unwinds from wherever it happens, and every process started so far (gatehoused,
// nginx, PostgreSQL) is stopped by its owner's destructor on the way out.
class BenchFailure : public std::runtime_error
{
public:
    explicit BenchFailure(const QString& message) : std::runtime_error(message.toStdString()) {}
};

// SIGINT and SIGTERM only raise a flag: the benchmark notices it between steps and while wrk
// runs, and then throws BenchFailure, so an interrupted run still stops what it started.
void installInterruptHandlers();
bool interrupted();
void throwIfInterrupted();

// A progress line on standard error (standard output holds only the report).
void progress(const QString& line);
