#pragma once

#include "panel/panelvalues.h"

#include <QObject>

#include <functional>
#include <memory>

struct ClientInfo;
struct Principal;
class Clock;
class PanelFeed;
class Server;

// The server side of the desktop control panel: everything the panel shows and does,
// in plain values (panelvalues.h), over the same core services the HTTP API uses. It lives
// in the server thread and is called only there: ServerBridge (ui/) posts every call to
// it and carries the answers back, so the GUI never touches a core service.
//
// The operator at the console acts as the built-in admin: whoever runs the desktop
// application already holds the device's data directory and keys.
class ControlPanel : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const OpResult&)>;

    // May be constructed in any thread and moved to the server's; attach() then runs there.
    ControlPanel(Server& server, QObject* parent = nullptr);
    ~ControlPanel() override;

    void attach();
    PanelFeed* feed() const { return m_feed; }

    // What the pages show. Each snapshot first sends the feed's pending changes, so a page
    // that applies the snapshot and then the feed's signals sees every change exactly once.
    ServerStatus status() const;
    LoginActivity loginActivity() const;
    QList<SessionInfo> sessions() const;
    QList<AccountInfo> accounts() const;
    QList<ApiTokenInfo> tokens() const;
    TokenChoices tokenChoices() const;
    QList<LockoutInfo> lockouts() const;
    QList<RateLimitEventInfo> rateLimitEvents(const RateLimitQuery& query);
    QList<AuditEventInfo> auditEvents(int limit);
    OidcPanelStatus oidcStatus();
    QList<OidcLinkInfo> oidcLinks();

    // What the operator does. Password work (policy, hashing) runs on the hash pool and
    // answers through `done` in this thread; the rest answers at once.
    void setDevicePassword(const QString& password, Done done);
    OpResult removeDevicePassword();
    void createAccount(const NewAccount& account, Done done);
    OpResult updateAccount(qint64 id, const AccountEdit& edit);
    OpResult removeAccount(qint64 id);
    void resetPassword(qint64 id, const QString& password, Done done);
    TokenCreation createToken(const TokenRequest& request);
    OpResult revokeToken(qint64 id);
    OpResult revokeSession(const QString& id);
    OpResult revokeSessionsOf(qint64 accountId);
    OpResult unblock(const QString& ip);
    // Fetches the provider's discovery document and keys again; answers in this thread with
    // the status afterwards (up to 10 s per fetch when the provider does not answer).
    void testOidcDiscovery(std::function<void(const OidcPanelStatus&)> done);

    // The password policy, for a password field's live feedback: its bounds, the cheap length
    // check, and the whole check (the dictionary: blocking, so never on the GUI thread).
    static PasswordRules passwordRules();
    static OpResult checkPasswordLength(const QString& password);
    static OpResult checkPassword(const QString& password);

signals:
    // Answers on their way to the GUI thread (see ServerBridge).
    void replyReady(const PanelReply& reply);

private:
    // The person at the control panel: the local operator, trusted as the admin (like the
    // command line), so the rule against privilege escalation never stops it.
    Principal operatorPrincipal() const;
    static ClientInfo operatorClient();
    // Wraps `done` so that it is dropped when this object is gone before the hash finishes.
    Done guarded(Done done);

    Server& m_server;
    std::shared_ptr<const Clock> m_clock;
    PanelFeed* m_feed = nullptr;
};
