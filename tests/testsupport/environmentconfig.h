#pragma once

#include "testserver.h"

#include <QProcessEnvironment>

// A TestServer hook that configures the server the way an operator would: from
// environment variables as docs/API.md names them (e.g. GATEHOUSE_FORWARD_AUTH_RULES),
// read by the server's own configuration loader. Everything that makes it a test server
// (data dir, loopback, port 0, TLS or not, SECRET_KEY, key store, clock) is kept; the
// token bucket is off unless `environment` sets GLOBAL_RATE_LIMIT_RPS.
namespace EnvironmentConfig {

TestServer::ConfigHook hook(const QProcessEnvironment& environment);

} // namespace EnvironmentConfig
