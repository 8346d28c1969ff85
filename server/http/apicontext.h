#pragma once

class AccountService;
class AccountStore;
class ApiTokenService;
class AuditLog;
class AuthService;
class Endpoints;
class PermissionModel;
class RateLimiter;
class SessionStore;
struct Config;

// What the dialects' route registrations may use: the core services, never storage.
struct ApiContext
{
    Endpoints& endpoints;
    AuthService& auth;
    AccountService& accounts;
    const AccountStore& accountStore;
    const PermissionModel& permissions;
    SessionStore& sessions;
    RateLimiter& limiter;
    AuditLog& audit;
    ApiTokenService& apiTokens;
    const Config& config;
};
