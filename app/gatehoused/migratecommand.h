#pragma once

struct Config;
class Options;

// `gatehoused migrate --from sqlite:PATH --to postgresql://... [--force]` (and back): copies
// every table, ids included, with a line of progress per table on stderr. Refuses a target
// that holds any row unless --force. Exit 0 when copied, 1 when storage failed, 2 for bad input.
int runMigrateCommand(const Config& config, const Options& options);
