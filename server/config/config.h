#pragma once

#include "crypto/keystore.h"
#include "values/connectionlimits.h"
#include "values/databaselocation.h"
#include "values/forwardauthrules.h"
#include "values/oidcsettings.h"
#include "values/tokenlifetimes.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// Everything a Server is built from. Sources, later wins: these defaults < gatehouse.conf
// (INI) < environment (GATEHOUSE_* and the documented names) < command line
// (see ConfigLoader). Plain values only: no I/O happens here.
struct Config
{
    // Serving
    QString dataDir; // required; holds the database, keys, certificate
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 port = 3539;       // 0 = ephemeral (tests)
    bool plainHttp = false;    // --http
    QString database;          // "" = sqlite:<dataDir>/gatehouse.db, or postgresql://...
    QString adminPasswordFile; // seeds the admin password if none is set
    bool requireAuth = false;  // refuse to run open: 503 setup_required
    bool metrics = true;       // GET /metrics, and the per-request counting behind it

    // Keys
    QByteArray secretKey; // SECRET_KEY: raw HMAC key for JWTs; "" = from key store
    KeyStore::Backend keyStoreBackend = KeyStore::Backend::Auto;
    QString secretKeyFile; // secret_key_file: the master key shared by instances; "" = the key store

    // Rate limiting
    int maxLoginAttempts = 5;                       // MAX_LOGIN_ATTEMPTS; 0 = failures never lock
    int rateLimitWindowSecs = 900;                  // RATE_LIMIT_WINDOW_SECONDS
    double globalRateLimitRps = 20;                 // GLOBAL_RATE_LIMIT_RPS; 0 = off
    int globalRateLimitBurst = 60;                  // GLOBAL_RATE_LIMIT_BURST
    QList<QPair<QHostAddress, int>> trustedProxies; // subnets whose X-Forwarded-For is believed

    TokenLifetimes lifetimes; // FLEX_TOKEN_DURATION, JWT_EXPIRE_DURATION, ...

    // Declared resources (beyond the built-in ones)
    QStringList resources; // resources = redirect, page, agent / GATEHOUSE_RESOURCES

    // Forward-auth (/auth/verify): method + path prefix -> permission; none = any credential
    ForwardAuthRules forwardAuthRules; // forward_auth_rules / GATEHOUSE_FORWARD_AUTH_RULES

    // OpenID Connect login (off without an issuer); the secret file is read by the loader.
    OidcSettings oidc;
    QString oidcClientSecretFile;

    // Work limits
    int hashThreads = 2; // password hashing pool
    int hashQueue = 32;  // jobs waiting or running before 503 busy
    ConnectionLimits limits;

    DatabaseLocation databaseLocation() const;
    QString sqlitePath() const; // where the SQLite file lives ("" on PostgreSQL)
};
