#pragma once

#include "panel/panelvalues.h"

struct AccountRecord;
struct ApiTokenRecord;
struct AuditEventRecord;
struct RateLimitEventRecord;
struct SessionRecord;
class AccountStore;
class Server;

// Storage records turned into the control panel's plain values: only what an operator
// may see (no password hash, no token hash, no refresh hash).
namespace PanelConvert {

SessionInfo session(const SessionRecord& record, const AccountStore& accounts);
AccountInfo account(const AccountRecord& record, qint64 builtinAdminId);
ApiTokenInfo token(const ApiTokenRecord& record, const QString& creator);
RateLimitEventInfo rateLimitEvent(const RateLimitEventRecord& record);
AuditEventInfo auditEvent(const AuditEventRecord& record);

// The URLs clients can use: on a wildcard address, one per local interface address
// (loopback last), else the server's own.
QStringList urls(const Server& server);

} // namespace PanelConvert
