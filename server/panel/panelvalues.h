#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>

// Plain value types the control panel (ui/) sees of the server: copies, safe to hand from
// the server thread to the GUI thread in queued signals. No record type of storage/ and no
// service reference leaks through them. Times are milliseconds since the epoch (UTC), on
// the server's clock.

// The outcome of an operation; `message` is safe to show (never a secret).
struct OpResult
{
    bool ok = true;
    QString message;

    static OpResult success() { return {}; }
    static OpResult failure(const QString& message) { return OpResult{false, message}; }
};

// The password policy's bounds, for a password field's hints and input limit.
struct PasswordRules
{
    int minCodePoints = 0;
    int maxBytes = 0;
};

struct ServerStatus
{
    bool listening = false;
    QStringList urls;           // where clients reach the server, most useful first
    QString fingerprint;        // the TLS certificate's SHA-256, "" over plain HTTP
    bool authEnabled = false;   // a device password is set
    bool setupRequired = false; // --require-auth and no password yet: the API answers 503
    int sessionCount = 0;
    int tokenCount = 0;
    int lockedIpCount = 0;
    qint64 lastLockoutAtMs = 0; // 0 = none since start
    bool underAttack = false;   // an address is locked, or was within the last minutes

    bool operator==(const ServerStatus&) const = default;
};

struct SessionInfo
{
    QString id;
    qint64 accountId = 0;
    QString username;
    QString dialect;
    QString clientIp;
    QString userAgent;
    qint64 createdAtMs = 0;
    qint64 lastSeenAtMs = 0;
    qint64 expiresAtMs = 0;
};

struct AccountInfo
{
    qint64 id = 0;
    QString username;
    QString firstname;
    QString lastname;
    QString role;
    bool disabled = false;
    bool hasPassword = false;
    bool builtinAdmin = false; // the device password's account: cannot be removed, disabled or demoted
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// An account's editable fields, all of them: the dialog shows and sends every one.
struct AccountEdit
{
    QString firstname;
    QString lastname;
    QString role;
    bool disabled = false;
};

struct NewAccount
{
    QString username;
    QString firstname;
    QString lastname;
    QString role;
    QString password;
};

struct ApiTokenInfo
{
    qint64 id = 0;
    QString name;
    QString hint; // recognisable part of the secret, never the secret
    QStringList permissions;
    QString creator;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;  // 0 = never
    qint64 lastUsedAtMs = 0; // 0 = never used
    QString lastUsedIp;
};

struct TokenRequest
{
    QString name;
    QStringList permissions;
    qint64 expiresAtMs = 0; // 0 = never
};

// The secret exists only in this value, on its way to the one dialog that shows it.
struct TokenCreation
{
    OpResult result;
    ApiTokenInfo token;
    QString secret;
};

// The permission picker: every declared resource, and what the operator may grant.
struct TokenChoices
{
    QStringList resources;
    QStringList actions;
    QStringList grantable; // "resource:action" the operator holds
};

struct RateLimitEventInfo
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString clientIp;
    QString kind; // "failure" | "lockout" | "locked" | "throttled" | "unblock"
    QString dialect;
    QString username;
    QString detail;
};

struct RateLimitQuery
{
    QString clientIp;   // "" = all addresses
    qint64 sinceMs = 0; // 0 = the whole log
    int limit = 1000;
};

struct LockoutInfo
{
    QString ip;
    int secondsLeft = 0;
};

struct AuditEventInfo
{
    qint64 id = 0; // 0 while not yet written
    qint64 atMs = 0;
    QString kind;
    QString actor;
    QString clientIp;
    QString detail;
};

// Logins per minute over the last hour, oldest minute first.
struct LoginActivity
{
    static constexpr int Minutes = 60;

    qint64 firstMinuteMs = 0; // start of the oldest bucket
    QList<int> successes;
    QList<int> failures;
};

// OpenID Connect as configured (gatehouse.conf, the environment) and as the provider answered
// last. Whether a client secret is set, never the secret nor anything derived from it.
struct OidcPanelStatus
{
    bool enabled = false;
    QString issuer;
    QString clientId;
    bool clientSecretSet = false;
    QString redirectUri; // the one in use: configured, or this server's callback URL
    QString scopes;
    QString defaultRole;
    bool linkVerifiedEmail = false;
    bool discoveryLoaded = false;
    int keyCount = 0;
    QString lastError; // the provider's last failure, "" = none
};

// An account's identity at an OpenID provider.
struct OidcLinkInfo
{
    qint64 accountId = 0;
    QString username; // "" when the account no longer exists
    QString issuer;
    QString subject;
    qint64 linkedAtMs = 0;
};

// A reply travelling from the server thread back to the GUI thread: a closure that
// checks its receiver still exists and hands it the result (see ServerBridge).
struct PanelReply
{
    std::function<void()> deliver;
};

Q_DECLARE_METATYPE(OpResult)
Q_DECLARE_METATYPE(ServerStatus)
Q_DECLARE_METATYPE(SessionInfo)
Q_DECLARE_METATYPE(AccountInfo)
Q_DECLARE_METATYPE(ApiTokenInfo)
Q_DECLARE_METATYPE(RateLimitEventInfo)
Q_DECLARE_METATYPE(LockoutInfo)
Q_DECLARE_METATYPE(AuditEventInfo)
Q_DECLARE_METATYPE(LoginActivity)
Q_DECLARE_METATYPE(OidcPanelStatus)
Q_DECLARE_METATYPE(OidcLinkInfo)
Q_DECLARE_METATYPE(PanelReply)
