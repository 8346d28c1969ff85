#pragma once

#include <QString>

// An account's identity at an OpenID provider: the provider's issuer and its stable
// subject identifier for the user.
struct OidcIdentityRecord
{
    QString issuer;
    QString subject;
    qint64 accountId = 0;
    qint64 linkedAtMs = 0;
};
