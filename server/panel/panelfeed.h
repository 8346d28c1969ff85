#pragma once

#include "panel/loginactivitycounter.h"
#include "panel/panelvalues.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

struct AuditEventRecord;
struct RateLimitEventRecord;
class Clock;
class QTimer;
class Server;

// What changes in the server, as plain-value signals for the control panel. Lives in the
// server thread beside the core services it listens to. Bursts are batched: sessions
// opened or ended, log entries and token uses are collected for a short moment and sent
// as one list, so a login storm or 100,000 expiring sessions cost the GUI a few signals,
// not one per event.
class PanelFeed : public QObject
{
    Q_OBJECT

public:
    PanelFeed(Server& server, QObject* parent = nullptr);

    // In the server thread, once the server listens: subscribes to the core services,
    // counts the last hour's logins from the audit log and starts the timers.
    void attach();

    // Sends what is collected now. Called before every snapshot is taken, so that each change
    // reaches the GUI exactly once: either before the snapshot (which then contains it) or
    // after it (and it is new).
    void flushNow();

    ServerStatus status() const;
    LoginActivity loginActivity() const { return m_activity.snapshot(nowMs()); }

signals:
    void statusChanged(const ServerStatus& status);
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
    void subscribeSessions();
    void subscribeTokens();
    void subscribeLogs();
    void seedActivity();
    void onAuditEvent(const AuditEventRecord& event);
    void onRateLimitEvent(const RateLimitEventRecord& event);
    void schedule();
    void flush();
    void flushSessions();
    void flushTokens();
    void tick();
    void publishStatus();
    qint64 nowMs() const;

    Server& m_server;
    std::shared_ptr<const Clock> m_clock;
    QTimer* m_batchTimer = nullptr;
    QStringList m_urls;
    LoginActivityCounter m_activity;
    ServerStatus m_lastStatus;
    qint64 m_lastLockoutAtMs = 0;
    qint64 m_lastMinute = 0;

    // What the next flush sends.
    QStringList m_opened;
    QStringList m_ended;
    QList<qint64> m_createdTokens;
    QSet<qint64> m_usedTokens;
    QList<qint64> m_revokedTokens;
    QList<RateLimitEventInfo> m_rateLimitEvents;
    QList<AuditEventInfo> m_auditEvents;
    bool m_accountsDirty = false;
    bool m_activityDirty = false;
    bool m_statusDirty = false;
};
