#pragma once

struct Config;
class Options;

// `gatehoused oidc status`: whether the configured OpenID provider's discovery document
// and signing keys can be fetched now. Exit code 0 when they can (or OpenID Connect is off),
// 1 when not. `gatehoused oidc set-secret`: the client secret from stdin, kept sealed.
int runOidcCommand(const Config& config, const Options& options);
