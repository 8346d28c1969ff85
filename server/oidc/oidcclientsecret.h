#pragma once

#include "values/oidcsettings.h"

#include <QByteArray>

#include <optional>

class Database;

// The OpenID client secret Gatehouse keeps itself (`gatehoused oidc set-secret`), for an
// operator who would rather not leave it in a file: sealed (crypto/sealedbox) in the
// settings table, bound to the issuer and client id it was set for. A secret in a file or
// the environment wins over it.
class OidcClientSecret
{
public:
    OidcClientSecret(Database& database, QByteArray sealingKey);

    bool store(const OidcSettings& settings, const QByteArray& secret);
    // nullopt when none is stored, or it was set for another issuer or client.
    std::optional<QByteArray> load(const OidcSettings& settings);

private:
    Database& m_database;
    QByteArray m_sealingKey;
};
