#include "server.h"

#include "config/adminpasswordfile.h"
#include "core/accountservice.h"
#include "core/accountstore.h"
#include "core/apitokenservice.h"
#include "core/apitokenstore.h"
#include "core/auditlog.h"
#include "core/authservice.h"
#include "core/changefollower.h"
#include "core/clock.h"
#include "core/credentialcheck.h"
#include "core/keycheck.h"
#include "core/metrics.h"
#include "core/passwordservice.h"
#include "core/passwordverifier.h"
#include "core/permissions.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"
#include "core/wstokens.h"
#include "crypto/hashpool.h"
#include "crypto/jose.h"
#include "crypto/keystore.h"
#include "crypto/selftest.h"
#include "http/apicontext.h"
#include "http/auditapi.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/flexapi.h"
#include "http/forwardauthapi.h"
#include "http/httpserver.h"
#include "http/logstream.h"
#include "http/logstreamapi.h"
#include "http/managerapi.h"
#include "http/metricsapi.h"
#include "http/openapi.h"
#include "http/ratelimitapi.h"
#include "http/restauthapi.h"
#include "http/sessionsapi.h"
#include "http/tokensapi.h"
#include "http/usersapi.h"
#include "oidc/oidcclientsecret.h"
#include "oidc/oidclogin.h"
#include "storage/accountrepository.h"
#include "storage/apitokenrepository.h"
#include "storage/auditrepository.h"
#include "storage/database.h"
#include "storage/oidcidentityrepository.h"
#include "storage/ratelimiteventrepository.h"
#include "storage/sessionrepository.h"

#include <QCoreApplication>

#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcServer, "gatehouse.server", QtInfoMsg)

namespace {
// What glibc keeps of freed memory after a burst of connections (TLS buffers above all) goes
// back to the system once the server is idle, so an encoder's RSS returns to its idle size.
void returnFreedMemory()
{
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}

// How long a start waits for PostgreSQL's change feed before it serves anyway (refusing
// credentials with 503 until the feed listens; it keeps trying).
constexpr int ChangeFeedStartWaitMs = 10'000;
} // namespace

// Everything the server is made of, in construction order (destroyed in reverse).
struct Server::Parts
{
    Parts(const Config& config, const Clock& clock, const KeyStore& keys, QObject* owner)
        : metrics(), database(config.databaseLocation()), accountRepository(database), sessionRepository(database),
          rateLimitEvents(database), auditRepository(database), apiTokenRepository(database),
          accounts(accountRepository, clock), sessions(sessionRepository, clock, owner),
          limiter(RateLimitSettings{config.maxLoginAttempts, config.rateLimitWindowSecs, config.globalRateLimitRps,
                                    config.globalRateLimitBurst},
                  rateLimitEvents, clock, owner),
          audit(auditRepository, clock, owner), hashPool(config.hashThreads, config.hashQueue),
          jwt(keys.signingKey(), QStringLiteral("gatehouse")), credentialHash(keys.tokenPepper()),
          apiTokenStore(apiTokenRepository, credentialHash, clock, owner),
          follower(ChangeFollower::Parts{database, accounts, sessions, apiTokenStore, limiter}, owner),
          tokens(sessions, accounts, audit, jwt, credentialHash, clock),
          verifier(PasswordVerifier::Parts{accounts, limiter, audit, hashPool}, owner),
          passwords(PasswordService::Parts{database, accounts, sessions, audit, hashPool, verifier, clock}, owner),
          auth(AuthService::Parts{database, accounts, sessions, apiTokenStore, limiter, audit, verifier, tokens, jwt,
                                  credentialHash, clock, follower, metrics},
               config.requireAuth, owner),
          permissions(config.resources), accountService(database, accounts, sessions, audit, permissions, clock),
          apiTokens(apiTokenStore, accounts, permissions, audit, clock, owner),
          credentialCheck(accounts, sessions, apiTokenStore, permissions, clock),
          oidcClientSecret(database, keys.sealingKey())
    {}

    Metrics metrics;
    Database database;
    AccountRepository accountRepository;
    SessionRepository sessionRepository;
    RateLimitEventRepository rateLimitEvents;
    AuditRepository auditRepository;
    ApiTokenRepository apiTokenRepository;
    AccountStore accounts;
    SessionStore sessions;
    RateLimiter limiter;
    AuditLog audit;
    HashPool hashPool;
    JwtHs256 jwt;
    HmacSha256 credentialHash;
    ApiTokenStore apiTokenStore;
    ChangeFollower follower;
    TokenIssuer tokens;
    PasswordVerifier verifier;
    PasswordService passwords;
    AuthService auth;
    PermissionModel permissions;
    AccountService accountService;
    ApiTokenService apiTokens;
    CredentialCheck credentialCheck;
    OidcClientSecret oidcClientSecret;
    std::unique_ptr<WsTokens> wsTokens;
    RouteTable routes;
    std::unique_ptr<Endpoints> endpoints;
    std::unique_ptr<HttpServer> http;
    std::unique_ptr<LogStream> logStream;
    std::unique_ptr<OidcLogin> oidc;
    QString fingerprint;
};

Server::Server(Config config, std::shared_ptr<Clock> clock, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>())
{}

Server::~Server()
{
    stop();
}

bool Server::start(QString* error)
{
    if (!open(error) || !seedAdminPassword(error))
        return false;
    followExternalChanges();
    return listen(error);
}

bool Server::open(QString* error)
{
    if (!CryptoSelfTest::run(error)) {
        *error = QStringLiteral("crypto self-test failed: ") + *error;
        return false;
    }
    const auto keys = KeyStore::open(
        KeyStore::Options{m_config.dataDir, m_config.keyStoreBackend, m_config.secretKey, m_config.secretKeyFile},
        error);
    if (!keys)
        return false;
    qCInfo(lcServer).noquote() << "keys from the" << keys->backendName() << "key store";
    m_parts = std::make_unique<Parts>(m_config, *m_clock, *keys, this);
    if (!m_parts->database.migrate(error) || !KeyCheck::verify(m_parts->database, keys->checkValue(), error)
        || !m_parts->accounts.load(error))
        return false;
    m_parts->sessions.load();
    m_parts->limiter.restore();
    if (!m_parts->apiTokenStore.load()) {
        *error = QStringLiteral("cannot read the API tokens from %1").arg(m_parts->database.location().displayName());
        return false;
    }
    return ForwardAuthApi::checkRules(m_config.forwardAuthRules, m_parts->permissions, error);
}

void Server::followExternalChanges()
{
    connect(&m_parts->follower, &ChangeFollower::reloaded, this, &Server::externalChangesLoaded);
    if (!m_parts->follower.start(ChangeFeedStartWaitMs))
        qCWarning(lcServer) << "the change feed is not listening yet: credentials answer 503 until it does";
}

bool Server::listen(QString* error)
{
    m_parts->endpoints =
        std::make_unique<Endpoints>(m_parts->routes, m_parts->auth, m_parts->permissions, m_config.trustedProxies);
    if (m_config.oidc.enabled() && !createOidc(error))
        return false;
    const ApiContext api{*m_parts->endpoints, m_parts->auth,        m_parts->passwords, m_parts->accountService,
                         m_parts->accounts,   m_parts->permissions, m_parts->sessions,  m_parts->limiter,
                         m_parts->audit,      m_parts->apiTokens,   m_config.lifetimes, m_parts->oidc.get()};
    FlexApi::registerRoutes(api);
    RestAuthApi::registerRoutes(api);
    ManagerApi::registerRoutes(api);
    ForwardAuthApi::registerRoutes(api, m_config.forwardAuthRules);
    TokensApi::registerRoutes(api);
    UsersApi::registerRoutes(api);
    SessionsApi::registerRoutes(api);
    RateLimitApi::registerRoutes(api);
    AuditApi::registerRoutes(api);
    if (m_config.metrics)
        registerMetrics();
    OpenApi::registerRoutes(api.endpoints, m_parts->routes); // reads the whole table when first asked

    HttpServerOptions options;
    options.metrics = m_config.metrics ? &m_parts->metrics : nullptr;
    options.whenIdle = returnFreedMemory;
    options.address = m_config.listenAddress;
    options.port = m_config.port;
    options.limits = m_config.limits;
    if (!m_config.plainHttp) {
        options.tls = TlsIdentity::loadOrCreate(m_config.dataDir, error);
        if (!options.tls)
            return false;
        m_parts->fingerprint = options.tls->sha256Fingerprint();
    }
    // The WebSocket log stream: GET /api/ws-token, the guard's decision on /api/ws/logs
    // upgrades, and the streams fed from the audit log, each closed when its owner loses the
    // right to read it (LogStream re-checks on every audit event and these signals too).
    m_parts->wsTokens = std::make_unique<WsTokens>(m_parts->credentialHash, *m_clock);
    LogStreamApi::registerRoutes(api, *m_parts->wsTokens, m_parts->credentialCheck);
    options.upgradeHook = LogStreamApi::upgradeHook(*m_parts->wsTokens, m_parts->credentialCheck);
    m_parts->logStream = std::make_unique<LogStream>(m_parts->audit, *m_parts->wsTokens, m_parts->credentialCheck);
    LogStream* streams = m_parts->logStream.get();
    connect(&m_parts->sessions, &SessionStore::sessionEnded, streams, &LogStream::recheck);
    connect(&m_parts->apiTokenStore, &ApiTokenStore::tokenRevoked, streams, &LogStream::recheck);
    connect(this, &Server::externalChangesLoaded, streams, &LogStream::recheck);

    m_parts->http = std::make_unique<HttpServer>(m_parts->routes, renderTransportError);
    connect(m_parts->http.get(), &HttpServer::webSocketConnected, streams, &LogStream::add);
    if (!m_parts->http->listen(options, error))
        return false;
    if (m_parts->oidc)
        startOidc();
    return true;
}

void Server::registerMetrics()
{
    Parts& parts = *m_parts;
    connect(&parts.limiter, &RateLimiter::ipLocked, this, [&metrics = parts.metrics] { metrics.lockout(); });
    MetricsApi::registerRoutes(*parts.endpoints, parts.metrics, [&parts] {
        return Metrics::Snapshot{parts.sessions.liveCount(),       parts.apiTokenStore.count(),
                                 parts.limiter.lockedIps().size(), parts.hashPool.inFlight(),
                                 parts.hashPool.capacity(),        parts.hashPool.startedJobs(),
                                 parts.hashPool.waitedUs()};
    });
}

bool Server::createOidc(QString* error)
{
    OidcSettings oidc = m_config.oidc;
    if (oidc.clientSecret.isEmpty()) // none in a file or the environment: the sealed one, if any
        oidc.clientSecret = m_parts->oidcClientSecret.load(oidc).value_or(QByteArray());
    if (oidc.clientSecret.isEmpty()) {
        *error = QStringLiteral("oidc_issuer is set but there is no client secret: oidc_client_secret_file, "
                                "GATEHOUSE_OIDC_CLIENT_SECRET or `gatehoused oidc set-secret`");
        return false;
    }
    m_parts->oidc = std::make_unique<OidcLogin>(
        oidc,
        OidcLogin::Parts{
            {m_parts->database, m_parts->accounts, m_parts->audit, *m_clock}, m_parts->tokens, m_parts->limiter});
    return true;
}

void Server::startOidc()
{
    OidcLogin& oidc = *m_parts->oidc;
    oidc.setRedirectUri(m_config.oidc.redirectUri.isEmpty() ? url() + QStringLiteral("/auth/openid/callback")
                                                            : m_config.oidc.redirectUri);
    // Discovery now, so a misconfiguration shows at start; password logins never wait for it.
    oidc.provider().metadata([issuer = m_config.oidc.issuer](const ProviderMetadata* metadata, const QString& why) {
        if (metadata) {
            qCInfo(lcServer).noquote() << "OpenID Connect login via" << issuer;
            return;
        }
        qCWarning(lcServer).noquote() << QStringLiteral("OpenID Connect is configured but discovery failed (%1): "
                                                        "password logins work, OpenID logins answer 502 until it "
                                                        "succeeds")
                                             .arg(why);
    });
}

bool Server::seedAdminPassword(QString* error)
{
    if (m_config.adminPasswordFile.isEmpty() || m_parts->auth.authEnabled())
        return true;
    const auto password = AdminPasswordFile::read(m_config.adminPasswordFile, error);
    if (!password)
        return false;
    Principal system;
    system.username = QStringLiteral("system");
    // Before the listener opens, so hashing on this thread keeps nobody waiting.
    if (const auto outcome = m_parts->passwords.setPasswordNow(m_parts->auth.adminAccountId(), *password, system, {})) {
        *error = QStringLiteral("admin password file %1: %2").arg(m_config.adminPasswordFile, outcome->message);
        return false;
    }
    qCInfo(lcServer).noquote() << "admin password seeded from" << m_config.adminPasswordFile;
    return true;
}

void Server::stop()
{
    if (!m_parts)
        return;
    if (m_parts->http)
        m_parts->http->close();
    m_parts->hashPool.waitForDone();
    QCoreApplication::sendPostedEvents(this); // deliver finished hash jobs before the flush
    m_parts->sessions.flush();
    m_parts->apiTokenStore.flush();
    m_parts->limiter.flush();
    m_parts->audit.flush();
}

quint16 Server::port() const
{
    return m_parts && m_parts->http ? m_parts->http->port() : 0;
}

QString Server::url() const
{
    const QHostAddress& address = m_config.listenAddress;
    const bool wildcard =
        address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    QString host = wildcard ? QStringLiteral("localhost") : address.toString();
    if (!wildcard && address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    const QString scheme = m_config.plainHttp ? QStringLiteral("http://") : QStringLiteral("https://");
    return scheme + host + u':' + QString::number(port());
}

QString Server::certificateFingerprint() const
{
    return m_parts ? m_parts->fingerprint : QString();
}

AuthService& Server::auth()
{
    return m_parts->auth;
}

PasswordService& Server::passwords()
{
    return m_parts->passwords;
}

AccountService& Server::accountService()
{
    return m_parts->accountService;
}

AccountStore& Server::accounts()
{
    return m_parts->accounts;
}

SessionStore& Server::sessions()
{
    return m_parts->sessions;
}

RateLimiter& Server::limiter()
{
    return m_parts->limiter;
}

AuditLog& Server::audit()
{
    return m_parts->audit;
}

ApiTokenService& Server::apiTokens()
{
    return m_parts->apiTokens;
}

ApiTokenStore& Server::apiTokenStore()
{
    return m_parts->apiTokenStore;
}

const PermissionModel& Server::permissions() const
{
    return m_parts->permissions;
}

OidcClientSecret& Server::oidcClientSecret()
{
    return m_parts->oidcClientSecret;
}

OidcLogin* Server::oidc()
{
    return m_parts ? m_parts->oidc.get() : nullptr;
}

std::optional<std::vector<OidcIdentityRecord>> Server::oidcIdentities()
{
    return OidcIdentityRepository(m_parts->database).all();
}
