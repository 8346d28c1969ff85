#include "panel/controlpanel.h"

#include "core/accountservice.h"
#include "core/accountstore.h"
#include "core/adminactions.h"
#include "core/apitokenservice.h"
#include "core/auditlog.h"
#include "core/authservice.h"
#include "core/clock.h"
#include "core/passwordservice.h"
#include "core/permissions.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"
#include "crypto/passwordpolicy.h"
#include "panel/oidcpanel.h"
#include "panel/panelconvert.h"
#include "panel/panelfeed.h"
#include "server.h"

#include <QPointer>

#include <algorithm>

namespace {

OpResult fromCheck(const PasswordCheck& check)
{
    return check.acceptable ? OpResult::success() : OpResult::failure(check.reason);
}

OpResult fromError(const std::optional<AuthError>& error)
{
    return error ? OpResult::failure(error->message) : OpResult::success();
}

} // namespace

ControlPanel::ControlPanel(Server& server, QObject* parent)
    : QObject(parent), m_server(server), m_clock(server.clock()), m_feed(new PanelFeed(server, this))
{}

ControlPanel::~ControlPanel() = default;

void ControlPanel::attach()
{
    m_feed->attach();
}

Principal ControlPanel::operatorPrincipal() const
{
    return m_server.auth().anonymousAdmin();
}

ClientInfo ControlPanel::operatorClient()
{
    return ClientInfo{QString(), QStringLiteral("Gatehouse control panel"), QString()};
}

ControlPanel::Done ControlPanel::guarded(Done done)
{
    return [self = QPointer<ControlPanel>(this), done = std::move(done)](const OpResult& result) {
        if (self)
            done(result);
    };
}

ServerStatus ControlPanel::status() const
{
    return m_feed->status();
}

LoginActivity ControlPanel::loginActivity() const
{
    return m_feed->loginActivity();
}

QList<SessionInfo> ControlPanel::sessions() const
{
    m_feed->flushNow();
    const std::vector<SessionRecord> records = m_server.sessions().list();
    QList<SessionInfo> sessions;
    sessions.reserve(qsizetype(records.size()));
    for (const SessionRecord& record : records)
        sessions.append(PanelConvert::session(record, m_server.accounts()));
    return sessions;
}

QList<AccountInfo> ControlPanel::accounts() const
{
    QList<AccountInfo> accounts;
    const qint64 adminId = m_server.auth().adminAccountId();
    for (const AccountRecord& record : m_server.accounts().all())
        accounts.append(PanelConvert::account(record, adminId));
    std::sort(accounts.begin(), accounts.end(), [](const AccountInfo& a, const AccountInfo& b) {
        return a.builtinAdmin != b.builtinAdmin ? a.builtinAdmin : a.username < b.username;
    });
    return accounts;
}

QList<ApiTokenInfo> ControlPanel::tokens() const
{
    m_feed->flushNow();
    QList<ApiTokenInfo> tokens;
    for (const ApiTokenRecord& record : m_server.apiTokens().list())
        tokens.append(PanelConvert::token(record, m_server.apiTokens().creatorName(record)));
    return tokens;
}

TokenChoices ControlPanel::tokenChoices() const
{
    const PermissionModel& permissions = m_server.permissions();
    return TokenChoices{permissions.resources(),
                        {QStringLiteral("read"), QStringLiteral("write")},
                        permissions.permissionsOf(operatorPrincipal().role)};
}

QList<LockoutInfo> ControlPanel::lockouts() const
{
    const RateLimiter& limiter = m_server.limiter();
    QList<LockoutInfo> lockouts;
    for (const QString& ip : limiter.lockedIps()) {
        if (const auto seconds = limiter.lockedFor(ip))
            lockouts.append(LockoutInfo{ip, *seconds});
    }
    return lockouts;
}

QList<RateLimitEventInfo> ControlPanel::rateLimitEvents(const RateLimitQuery& query)
{
    m_feed->flushNow();
    QList<RateLimitEventInfo> events;
    for (const RateLimitEventRecord& record :
         m_server.limiter().recentEvents(query.sinceMs, query.limit, query.clientIp))
        events.append(PanelConvert::rateLimitEvent(record));
    return events;
}

QList<AuditEventInfo> ControlPanel::auditEvents(int limit)
{
    m_feed->flushNow();
    QList<AuditEventInfo> events;
    for (const AuditEventRecord& record : m_server.audit().recent(limit))
        events.append(PanelConvert::auditEvent(record));
    return events;
}

OidcPanelStatus ControlPanel::oidcStatus()
{
    return OidcPanel::status(m_server);
}

QList<OidcLinkInfo> ControlPanel::oidcLinks()
{
    return OidcPanel::links(m_server);
}

void ControlPanel::setDevicePassword(const QString& password, Done done)
{
    resetPassword(m_server.auth().adminAccountId(), password, std::move(done));
}

OpResult ControlPanel::removeDevicePassword()
{
    return fromError(m_server.passwords().removeAdminPassword(operatorPrincipal(), operatorClient()));
}

void ControlPanel::createAccount(const NewAccount& account, Done done)
{
    AccountRecord draft;
    draft.username = account.username;
    draft.firstname = account.firstname;
    draft.lastname = account.lastname;
    draft.role = account.role;
    // Policy and hashing on the pool; the account is created only with a hash in hand.
    m_server.passwords().hashPassword(
        account.password,
        [this, draft, done = guarded(std::move(done))](const PasswordService::HashResult& hashed) mutable {
            if (const auto* error = std::get_if<AuthError>(&hashed)) {
                done(OpResult::failure(error->message));
                return;
            }
            draft.passwordHash = std::get<QByteArray>(hashed);
            const AccountResult created =
                m_server.accountService().create(draft, operatorPrincipal(), operatorClient());
            const auto* error = std::get_if<AuthError>(&created);
            done(error ? OpResult::failure(error->message) : OpResult::success());
        });
}

OpResult ControlPanel::updateAccount(qint64 id, const AccountEdit& edit)
{
    AccountChanges changes;
    changes.firstname = edit.firstname;
    changes.lastname = edit.lastname;
    changes.role = edit.role;
    changes.disabled = edit.disabled;
    const AccountResult updated = m_server.accountService().update(id, changes, operatorPrincipal(), operatorClient());
    const auto* error = std::get_if<AuthError>(&updated);
    return error ? OpResult::failure(error->message) : OpResult::success();
}

OpResult ControlPanel::removeAccount(qint64 id)
{
    return fromError(m_server.accountService().remove(id, operatorPrincipal(), operatorClient()));
}

void ControlPanel::resetPassword(qint64 id, const QString& password, Done done)
{
    m_server.passwords().setPassword(
        id, password, operatorPrincipal(), operatorClient(),
        [done = guarded(std::move(done))](std::optional<AuthError> error) { done(fromError(error)); });
}

TokenCreation ControlPanel::createToken(const TokenRequest& request)
{
    const NewApiToken draft{request.name, request.permissions, request.expiresAtMs};
    const CreateTokenResult created = m_server.apiTokens().create(operatorPrincipal(), draft, QString());
    TokenCreation creation;
    if (const auto* error = std::get_if<AuthError>(&created)) {
        creation.result = OpResult::failure(error->message);
        return creation;
    }
    const auto& made = std::get<CreatedApiToken>(created);
    creation.token = PanelConvert::token(made.token, m_server.apiTokens().creatorName(made.token));
    creation.secret = QString::fromLatin1(made.secret);
    return creation;
}

OpResult ControlPanel::revokeToken(qint64 id)
{
    return fromError(m_server.apiTokens().revoke(operatorPrincipal(), id, QString()));
}

OpResult ControlPanel::revokeSession(const QString& id)
{
    const auto error = AdminActions::revokeSession(m_server.sessions(), m_server.accounts(), m_server.audit(), id,
                                                   operatorPrincipal().username, QString());
    if (!error)
        return OpResult::success();
    return OpResult::failure(error->code == AuthError::Code::NotFound
                                 ? tr("That session has already ended.")
                                 : tr("Storage unavailable, nothing was changed."));
}

OpResult ControlPanel::revokeSessionsOf(qint64 accountId)
{
    const AccountRecord* account = m_server.accounts().byId(accountId);
    if (!account)
        return OpResult::failure(tr("No such account."));
    const QString owner = account->username;
    const auto ended = m_server.sessions().revokeAllOf(accountId);
    if (!ended)
        return OpResult::failure(tr("Storage unavailable, nothing was changed."));
    m_server.audit().record(
        QStringLiteral("session.revoked"), operatorPrincipal().username, QString(),
        {{QStringLiteral("user"), owner}, {QStringLiteral("sessions_ended"), qint64(ended->size())}});
    return OpResult::success();
}

OpResult ControlPanel::unblock(const QString& ip)
{
    const auto error =
        AdminActions::unblock(m_server.limiter(), m_server.audit(), ip, operatorPrincipal().username, QString());
    if (!error)
        return OpResult::success();
    return OpResult::failure(error->code == AuthError::Code::NotFound
                                 ? tr("That address is not blocked.")
                                 : tr("Storage unavailable, nothing was changed."));
}

void ControlPanel::testOidcDiscovery(std::function<void(const OidcPanelStatus&)> done)
{
    // The answer may come seconds later: dropped if this panel is gone by then.
    OidcPanel::testDiscovery(
        m_server, [self = QPointer<ControlPanel>(this), done = std::move(done)](const OidcPanelStatus& status) {
            if (self)
                done(status);
        });
}

PasswordRules ControlPanel::passwordRules()
{
    return {PasswordPolicy::MinCodePoints, PasswordPolicy::MaxBytes};
}

OpResult ControlPanel::checkPasswordLength(const QString& password)
{
    return fromCheck(PasswordPolicy::checkLength(password));
}

OpResult ControlPanel::checkPassword(const QString& password)
{
    return fromCheck(PasswordPolicy::check(password));
}
