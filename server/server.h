#pragma once

#include "config/config.h"
#include "values/oidcidentityrecord.h"

#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

// gatehouse.server: start-up (the URL and fingerprint lines), the seed, shutdown.
Q_DECLARE_LOGGING_CATEGORY(lcServer)

class AccountService;
class AccountStore;
class ApiTokenService;
class ApiTokenStore;
class AuditLog;
class AuthService;
class Clock;
class Database;
class HttpServer;
class OidcClientSecret;
class OidcLogin;
class PasswordService;
class PermissionModel;
class RateLimiter;
class SessionStore;

// The composition root: builds storage, keys, core services and the HTTP front from a
// Config. A Server lives in the thread that created it and is never moved; ServerThread
// runs one in a thread of its own (the GUI, gatehoused and the tests all use that).
class Server : public QObject
{
    Q_OBJECT

public:
    Server(Config config, std::shared_ptr<Clock> clock, QObject* parent = nullptr);
    ~Server() override;

    // Opens storage, keys and the listener. On failure returns false with a one-line reason.
    bool start(QString* error);
    // Opens storage and keys only: what the administration commands need.
    bool open(QString* error);
    // Stops accepting, lets answers in flight finish, flushes batched writes.
    void stop();

    quint16 port() const;
    QString url() const;                    // e.g. "https://localhost:3539"
    QString certificateFingerprint() const; // SHA-256, "" over plain HTTP
    AuthService& auth();
    PasswordService& passwords();
    // The core services, for the administration commands (after open()).
    AccountService& accountService();
    AccountStore& accounts();
    SessionStore& sessions();
    RateLimiter& limiter();
    AuditLog& audit();
    ApiTokenService& apiTokens();
    ApiTokenStore& apiTokenStore();
    const PermissionModel& permissions() const;
    // The OpenID Connect login once listening; nullptr while OpenID Connect is off.
    OidcLogin* oidc();
    OidcClientSecret& oidcClientSecret(); // `gatehoused oidc set-secret`
    // Every account's link to an OpenID provider (kept when OpenID Connect is switched off);
    // nullopt when the database could not be read.
    std::optional<std::vector<OidcIdentityRecord>> oidcIdentities();
    const Config& config() const { return m_config; }
    std::shared_ptr<const Clock> clock() const { return m_clock; }

signals:
    // Another process (the administration commands) changed the database and the caches
    // have been reloaded: accounts, sessions, API tokens, lockouts.
    void externalChangesLoaded();

private:
    bool seedAdminPassword(QString* error);
    void followExternalChanges();
    bool listen(QString* error);
    void registerMetrics();          // GET /metrics and what feeds it
    bool createOidc(QString* error); // the relying party, with its client secret
    void startOidc();                // once listening: the redirect URI is known, discovery begins

    struct Parts;
    Config m_config;
    std::shared_ptr<Clock> m_clock;
    std::unique_ptr<Parts> m_parts;
};
