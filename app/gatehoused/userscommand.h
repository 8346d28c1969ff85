#pragma once

struct Config;
class Options;

// `gatehoused users list | add NAME --role R [--firstname F] [--lastname L] [--bcrypt-hash HASH] | remove NAME`.
// Returns the exit code.
int runUsersCommand(const Config& config, const Options& options);
