#include "serverbridge.h"

#include "server/panel/controlpanel.h"
#include "server/panel/panelfeed.h"
#include "server/serverthread.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

ServerBridge::ServerBridge(ServerThread& server, QObject* parent) : QObject(parent)
{
    // Made here, moved to the server thread, wired there: from now on only posted calls reach it.
    m_panel = new ControlPanel(*server.server());
    m_panel->moveToThread(server.thread());
    connect(m_panel, &ControlPanel::replyReady, this, [](const PanelReply& reply) { reply.deliver(); });
    forwardFeed();
    QMetaObject::invokeMethod(m_panel, &ControlPanel::attach, Qt::QueuedConnection);
}

ServerBridge::~ServerBridge()
{
    m_panel->deleteLater(); // in the server thread, ahead of the Server's own end
}

void ServerBridge::forwardFeed()
{
    const PanelFeed* feed = m_panel->feed();
    connect(feed, &PanelFeed::statusChanged, this, &ServerBridge::statusChanged);
    connect(feed, &PanelFeed::sessionsOpened, this, &ServerBridge::sessionsOpened);
    connect(feed, &PanelFeed::sessionsEnded, this, &ServerBridge::sessionsEnded);
    connect(feed, &PanelFeed::accountsChanged, this, &ServerBridge::accountsChanged);
    connect(feed, &PanelFeed::tokensCreated, this, &ServerBridge::tokensCreated);
    connect(feed, &PanelFeed::tokensUsed, this, &ServerBridge::tokensUsed);
    connect(feed, &PanelFeed::tokensRevoked, this, &ServerBridge::tokensRevoked);
    connect(feed, &PanelFeed::loginsFailed, this, &ServerBridge::loginsFailed);
    connect(feed, &PanelFeed::rateLimitEventsLogged, this, &ServerBridge::rateLimitEventsLogged);
    connect(feed, &PanelFeed::ipLocked, this, &ServerBridge::ipLocked);
    connect(feed, &PanelFeed::ipUnlocked, this, &ServerBridge::ipUnlocked);
    connect(feed, &PanelFeed::auditEventsRecorded, this, &ServerBridge::auditEventsRecorded);
    connect(feed, &PanelFeed::loginActivityChanged, this, &ServerBridge::loginActivityChanged);
}

template <typename T>
void ServerBridge::askAsync(QObject* context, AsyncWork<T> work, Reply<T> done)
{
    // The QPointer is made here and only tested here, in the GUI thread; the server
    // thread merely carries it.
    const QPointer<QObject> receiver(context ? context : this);
    ControlPanel* panel = m_panel;
    QMetaObject::invokeMethod(
        panel,
        [panel, receiver, work = std::move(work), done = std::move(done)] {
            // The answer is moved all the way: a snapshot of 100,000 sessions is never copied.
            work(*panel, [panel, receiver, done](T result) {
                emit panel->replyReady(PanelReply{[receiver, done, result = std::move(result)]() mutable {
                    if (receiver && done)
                        done(std::move(result)); // delivered once: the receiver gets the only copy
                }});
            });
        },
        Qt::QueuedConnection);
}

template <typename T>
void ServerBridge::ask(QObject* context, std::function<T(ControlPanel&)> work, Reply<T> done)
{
    askAsync<T>(
        context, [work = std::move(work)](ControlPanel& panel, const Answer<T>& answer) { answer(work(panel)); },
        std::move(done));
}

void ServerBridge::fetchStatus(QObject* context, Reply<ServerStatus> done)
{
    ask<ServerStatus>(
        context, [](ControlPanel& panel) { return panel.status(); }, std::move(done));
}

void ServerBridge::fetchLoginActivity(QObject* context, Reply<LoginActivity> done)
{
    ask<LoginActivity>(
        context, [](ControlPanel& panel) { return panel.loginActivity(); }, std::move(done));
}

void ServerBridge::fetchSessions(QObject* context, Reply<QList<SessionInfo>> done)
{
    ask<QList<SessionInfo>>(
        context, [](ControlPanel& panel) { return panel.sessions(); }, std::move(done));
}

void ServerBridge::fetchAccounts(QObject* context, Reply<QList<AccountInfo>> done)
{
    ask<QList<AccountInfo>>(
        context, [](ControlPanel& panel) { return panel.accounts(); }, std::move(done));
}

void ServerBridge::fetchTokens(QObject* context, Reply<QList<ApiTokenInfo>> done)
{
    ask<QList<ApiTokenInfo>>(
        context, [](ControlPanel& panel) { return panel.tokens(); }, std::move(done));
}

void ServerBridge::fetchTokenChoices(QObject* context, Reply<TokenChoices> done)
{
    ask<TokenChoices>(
        context, [](ControlPanel& panel) { return panel.tokenChoices(); }, std::move(done));
}

void ServerBridge::fetchLockouts(QObject* context, Reply<QList<LockoutInfo>> done)
{
    ask<QList<LockoutInfo>>(
        context, [](ControlPanel& panel) { return panel.lockouts(); }, std::move(done));
}

void ServerBridge::fetchRateLimitEvents(const RateLimitQuery& query, QObject* context,
                                        Reply<QList<RateLimitEventInfo>> done)
{
    ask<QList<RateLimitEventInfo>>(
        context, [query](ControlPanel& panel) { return panel.rateLimitEvents(query); }, std::move(done));
}

void ServerBridge::fetchAuditEvents(int limit, QObject* context, Reply<QList<AuditEventInfo>> done)
{
    ask<QList<AuditEventInfo>>(
        context, [limit](ControlPanel& panel) { return panel.auditEvents(limit); }, std::move(done));
}

void ServerBridge::fetchOidcStatus(QObject* context, Reply<OidcPanelStatus> done)
{
    ask<OidcPanelStatus>(
        context, [](ControlPanel& panel) { return panel.oidcStatus(); }, std::move(done));
}

void ServerBridge::fetchOidcLinks(QObject* context, Reply<QList<OidcLinkInfo>> done)
{
    ask<QList<OidcLinkInfo>>(
        context, [](ControlPanel& panel) { return panel.oidcLinks(); }, std::move(done));
}

void ServerBridge::setDevicePassword(const QString& password, QObject* context, Reply<OpResult> done)
{
    askAsync<OpResult>(
        context,
        [password](ControlPanel& panel, const Answer<OpResult>& answer) { panel.setDevicePassword(password, answer); },
        std::move(done));
}

void ServerBridge::removeDevicePassword(QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [](ControlPanel& panel) { return panel.removeDevicePassword(); }, std::move(done));
}

void ServerBridge::createAccount(const NewAccount& account, QObject* context, Reply<OpResult> done)
{
    askAsync<OpResult>(
        context,
        [account](ControlPanel& panel, const Answer<OpResult>& answer) { panel.createAccount(account, answer); },
        std::move(done));
}

void ServerBridge::updateAccount(qint64 id, const AccountEdit& edit, QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [id, edit](ControlPanel& panel) { return panel.updateAccount(id, edit); }, std::move(done));
}

void ServerBridge::removeAccount(qint64 id, QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [id](ControlPanel& panel) { return panel.removeAccount(id); }, std::move(done));
}

void ServerBridge::resetPassword(qint64 id, const QString& password, QObject* context, Reply<OpResult> done)
{
    askAsync<OpResult>(
        context,
        [id, password](ControlPanel& panel, const Answer<OpResult>& answer) {
            panel.resetPassword(id, password, answer);
        },
        std::move(done));
}

void ServerBridge::createToken(const TokenRequest& request, QObject* context, Reply<TokenCreation> done)
{
    ask<TokenCreation>(
        context, [request](ControlPanel& panel) { return panel.createToken(request); }, std::move(done));
}

void ServerBridge::revokeToken(qint64 id, QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [id](ControlPanel& panel) { return panel.revokeToken(id); }, std::move(done));
}

void ServerBridge::revokeSession(const QString& id, QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [id](ControlPanel& panel) { return panel.revokeSession(id); }, std::move(done));
}

void ServerBridge::revokeSessionsOf(qint64 accountId, QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [accountId](ControlPanel& panel) { return panel.revokeSessionsOf(accountId); }, std::move(done));
}

void ServerBridge::unblock(const QString& ip, QObject* context, Reply<OpResult> done)
{
    ask<OpResult>(
        context, [ip](ControlPanel& panel) { return panel.unblock(ip); }, std::move(done));
}

void ServerBridge::testOidcDiscovery(QObject* context, Reply<OidcPanelStatus> done)
{
    askAsync<OidcPanelStatus>(
        context, [](ControlPanel& panel, const Answer<OidcPanelStatus>& answer) { panel.testOidcDiscovery(answer); },
        std::move(done));
}

PasswordRules ServerBridge::passwordRules()
{
    return ControlPanel::passwordRules();
}

OpResult ServerBridge::checkPasswordLength(const QString& password)
{
    return ControlPanel::checkPasswordLength(password);
}

QFuture<OpResult> ServerBridge::checkPassword(const QString& password)
{
    return QtConcurrent::run(&ControlPanel::checkPassword, password);
}
