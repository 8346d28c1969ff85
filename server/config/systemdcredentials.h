#pragma once

#include "config/config.h"

#include <QProcessEnvironment>
#include <QString>

// The secrets systemd hands a service as credentials (LoadCredential=, read from
// $CREDENTIALS_DIRECTORY): `admin-password` seeds the admin password like
// admin_password_file, `secret-key` is the JWT signing key like SECRET_KEY. Credentials keep
// secrets out of the configuration file, the environment and the process list, readable
// only by the service's user. An explicit setting wins; a missing credential is no error.
namespace SystemdCredentials {

// False, with a one-line reason, when a credential is present but cannot be read.
bool apply(const QProcessEnvironment& environment, Config& config, QString* error);

} // namespace SystemdCredentials
