#pragma once

#include "server/panel/panelvalues.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>

class ControlPanel;
class ServerThread;

// The GUI thread's only way to the server (ARCHITECTURE.md, "Threads and the signal/slot
// bridge"). Every call returns at once: it is posted to the ControlPanel in the server
// thread, and its answer comes back as a queued signal that runs `done` in the GUI
// thread — unless `context` (usually the asking widget) was destroyed meanwhile. Changes
// the server makes arrive as the signals below, batched. Nothing here ever waits for the
// server thread.
//
// Destroy the bridge before stopping the ServerThread: the ControlPanel it created is
// deleted in the server thread, before the Server it refers to.
class ServerBridge : public QObject
{
    Q_OBJECT

public:
    // Takes the answer by value, so a receiver may keep it without copying (100,000 sessions).
    template <typename T>
    using Reply = std::function<void(T)>;

    explicit ServerBridge(ServerThread& server, QObject* parent = nullptr);
    ~ServerBridge() override;

    // Queries.
    void fetchStatus(QObject* context, Reply<ServerStatus> done);
    void fetchLoginActivity(QObject* context, Reply<LoginActivity> done);
    void fetchSessions(QObject* context, Reply<QList<SessionInfo>> done);
    void fetchAccounts(QObject* context, Reply<QList<AccountInfo>> done);
    void fetchTokens(QObject* context, Reply<QList<ApiTokenInfo>> done);
    void fetchTokenChoices(QObject* context, Reply<TokenChoices> done);
    void fetchLockouts(QObject* context, Reply<QList<LockoutInfo>> done);
    void fetchRateLimitEvents(const RateLimitQuery& query, QObject* context, Reply<QList<RateLimitEventInfo>> done);
    void fetchAuditEvents(int limit, QObject* context, Reply<QList<AuditEventInfo>> done);
    void fetchOidcStatus(QObject* context, Reply<OidcPanelStatus> done);
    void fetchOidcLinks(QObject* context, Reply<QList<OidcLinkInfo>> done);

    // Operations; the operator acts as the built-in admin.
    void setDevicePassword(const QString& password, QObject* context, Reply<OpResult> done);
    void removeDevicePassword(QObject* context, Reply<OpResult> done);
    void createAccount(const NewAccount& account, QObject* context, Reply<OpResult> done);
    void updateAccount(qint64 id, const AccountEdit& edit, QObject* context, Reply<OpResult> done);
    void removeAccount(qint64 id, QObject* context, Reply<OpResult> done);
    void resetPassword(qint64 id, const QString& password, QObject* context, Reply<OpResult> done);
    void createToken(const TokenRequest& request, QObject* context, Reply<TokenCreation> done);
    void revokeToken(qint64 id, QObject* context, Reply<OpResult> done);
    void revokeSession(const QString& id, QObject* context, Reply<OpResult> done);
    void revokeSessionsOf(qint64 accountId, QObject* context, Reply<OpResult> done);
    void unblock(const QString& ip, QObject* context, Reply<OpResult> done);
    // Fetches the provider's discovery document and keys again; may take seconds.
    void testOidcDiscovery(QObject* context, Reply<OidcPanelStatus> done);

    // The password policy, for a password field's live feedback; the server checks again when
    // the password is submitted. checkPassword() consults the dictionary on a worker thread.
    static PasswordRules passwordRules();
    static OpResult checkPasswordLength(const QString& password);
    static QFuture<OpResult> checkPassword(const QString& password);

signals:
    void statusChanged(const ServerStatus& status); // listening state, password, counts, attack
    void sessionsOpened(const QList<SessionInfo>& sessions);
    void sessionsEnded(const QStringList& ids);
    void accountsChanged();
    void tokensCreated(const QList<ApiTokenInfo>& tokens);
    void tokensUsed(const QList<ApiTokenInfo>& tokens);
    void tokensRevoked(const QList<qint64>& ids);
    void loginsFailed(const QList<RateLimitEventInfo>& failures);
    void rateLimitEventsLogged(const QList<RateLimitEventInfo>& events);
    void ipLocked(const LockoutInfo& lockout);
    void ipUnlocked(const QString& ip);
    void auditEventsRecorded(const QList<AuditEventInfo>& events);
    void loginActivityChanged(const LoginActivity& activity);

private:
    template <typename T>
    using Answer = std::function<void(T)>;
    template <typename T>
    using AsyncWork = std::function<void(ControlPanel&, Answer<T>)>;

    void forwardFeed();
    // Runs `work` in the server thread; its answer travels back as ControlPanel::replyReady.
    template <typename T>
    void askAsync(QObject* context, AsyncWork<T> work, Reply<T> done);
    template <typename T>
    void ask(QObject* context, std::function<T(ControlPanel&)> work, Reply<T> done);

    ControlPanel* m_panel = nullptr;
};
