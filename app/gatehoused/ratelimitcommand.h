#pragma once

struct Config;
class Options;

// `gatehoused ratelimit list | unblock IP`. Returns the exit code.
int runRateLimitCommand(const Config& config, const Options& options);
