#pragma once

struct Config;
class Options;

// `gatehoused sessions list | revoke ID`. Returns the exit code.
int runSessionsCommand(const Config& config, const Options& options);
