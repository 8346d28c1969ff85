#include "benchfailure.h"

#include <csignal>
#include <cstdio>

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onSignal(int)
{
    g_interrupted = 1;
}

} // namespace

void installInterruptHandlers()
{
    // SA_RESETHAND: a second Ctrl-C ends the program at once, for whoever cannot wait for the
    // current step (the children then get their own SIGINT from the terminal anyway).
    struct sigaction action = {};
    action.sa_handler = onSignal;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool interrupted()
{
    return g_interrupted != 0;
}

void throwIfInterrupted()
{
    if (interrupted())
        throw BenchFailure(QStringLiteral("interrupted"));
}

void progress(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}
