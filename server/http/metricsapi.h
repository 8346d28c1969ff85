#pragma once

#include "core/metrics.h"

#include <functional>

class Endpoints;

// GET /metrics (API.md, "Other"): the Prometheus text format 0.0.4, for an API token or an
// account with system:read, or for anyone on this machine (a loopback caller that relays for
// nobody: a scraper beside the server needs no credential, a proxy's client does).
namespace MetricsApi {
void registerRoutes(Endpoints& endpoints, const Metrics& metrics, std::function<Metrics::Snapshot()> snapshot);
}
