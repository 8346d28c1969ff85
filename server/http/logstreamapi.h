#pragma once

#include "http/connectioncontext.h"

class CredentialCheck;
class WsTokens;
struct ApiContext;

// The audit log as a WebSocket stream (API.md, rest dialect): GET /api/ws-token hands out
// a single-use token, and /api/ws/logs?token=T streams every audit event as one JSON text
// frame (LogStream). The upgrade is decided by the connection guard (upgradeHook()) before
// QHttpServer reads the request, so a refused one never reaches the WebSocket handshake.
namespace LogStreamApi {
// GET /api/ws-token (logs:read: the stream shows what GET /api/audit shows).
void registerRoutes(const ApiContext& api, WsTokens& tokens, const CredentialCheck& check);
// 0 for /api/ws/logs with an acceptable Origin and a valid ws-token whose owner may still
// read the logs; 403 for any other upgrade to that path; 404 for other paths.
UpgradeHook upgradeHook(WsTokens& tokens, const CredentialCheck& check);
} // namespace LogStreamApi
