#pragma once

#include <QLoggingCategory>

// gatehouse.oidc: the provider's reachability and refused callbacks. Never a code, token,
// secret or claim value beyond the issuer.
Q_DECLARE_LOGGING_CATEGORY(lcOidc)
