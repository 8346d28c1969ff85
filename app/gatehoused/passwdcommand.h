#pragma once

struct Config;
class Options;

// `gatehoused passwd [--user NAME]`: reads a new password from the first line of stdin
// and sets it on the account (default: admin) in the storage a running server uses.
// Returns the exit code.
int runPasswdCommand(const Config& config, const Options& options);
