#pragma once

struct Config;
class Options;

// `gatehoused tokens list | create --name N --perm RES:ACTION... [--expires 30d] | revoke ID`.
// Returns the exit code.
int runTokensCommand(const Config& config, const Options& options);
