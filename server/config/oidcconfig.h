#pragma once

#include "config/setting.h"

#include <QProcessEnvironment>

#include <vector>

// The OpenID Connect settings (API.md, "OpenID Connect"): oidc_issuer, oidc_client_id,
// oidc_client_secret_file, oidc_redirect_uri, oidc_scopes, oidc_default_role,
// oidc_link_verified_email, with their environment names.
std::vector<Setting> oidcSettings();

// After every source is applied: the client secret (GATEHOUSE_OIDC_CLIENT_SECRET, else the
// secret file's first line; else, at start, the sealed one) and the check that an issuer
// comes with a client id. False with a one-line reason that never contains the secret.
bool completeOidc(const QProcessEnvironment& environment, Config& config, QString* error);
