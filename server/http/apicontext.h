#pragma once

class AccountService;
class AccountStore;
class ApiTokenService;
class AuditLog;
class AuthService;
class Endpoints;
class OidcLogin;
class PasswordService;
class PermissionModel;
class RateLimiter;
class SessionStore;
struct TokenLifetimes;

// What the dialects' route registrations may use: the core services, never storage.
struct ApiContext
{
    Endpoints& endpoints;
    AuthService& auth;
    PasswordService& passwords;
    AccountService& accounts;
    const AccountStore& accountStore;
    const PermissionModel& permissions;
    SessionStore& sessions;
    RateLimiter& limiter;
    AuditLog& audit;
    ApiTokenService& apiTokens;
    const TokenLifetimes& lifetimes;
    OidcLogin* oidc; // nullptr while OpenID Connect is not configured
};
