#include "oidcprovider.h"

#include "childprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace {

constexpr char ReadyPrefix[] = "oidc-provider ready ";
constexpr int ExitPortTaken = 3; // provider.mjs: the fixed port was in use
constexpr int MaxAttempts = 5;
constexpr int MaxHops = 20;

// node's crypto makes the key pair and exports the private JWK; kid random, alg and use
// set, so the provider announces exactly this algorithm.
constexpr char KeyScript[] = R"js(
const crypto = require('node:crypto');
const alg = process.argv[1];
const spec = { RS256: ['rsa', { modulusLength: 2048 }], ES256: ['ec', { namedCurve: 'P-256' }],
               EdDSA: ['ed25519', {}] }[alg];
if (!spec) { console.error(`unsupported algorithm ${alg}`); process.exit(2); }
const jwk = crypto.generateKeyPairSync(spec[0], spec[1]).privateKey.export({ format: 'jwk' });
Object.assign(jwk, { kid: crypto.randomBytes(12).toString('base64url'), alg, use: 'sig' });
process.stdout.write(JSON.stringify({ keys: [jwk] }));
)js";

QJsonObject accountJson(const OidcAccount& account)
{
    QJsonObject json{{QStringLiteral("sub"), account.sub},
                     {QStringLiteral("password"), account.password},
                     {QStringLiteral("email"), account.email},
                     {QStringLiteral("preferred_username"), account.preferredUsername},
                     {QStringLiteral("name"), account.name}};
    if (account.emailVerified)
        json.insert(QStringLiteral("email_verified"), *account.emailVerified);
    return json;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

// What the provider put in its page, for failure messages: the error notice if there is
// one, else the text without tags.
QString pageText(const QByteArray& html)
{
    static const QRegularExpression notice(QStringLiteral(R"(<p class="error">([^<]*)</p>)"));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    const QString text = QString::fromUtf8(html);
    const QRegularExpressionMatch match = notice.match(text);
    return match.hasMatch() ? match.captured(1) : text.left(600).remove(tags).simplified();
}

// One exchange of the driver: status, Location, body, or why there was no answer.
struct Step
{
    int status = 0;
    QUrl location;
    QByteArray body;
    QString error;
};

Step exchange(QNetworkAccessManager& manager, const QUrl& url, const QByteArray& form, const QDeadlineTimer& deadline)
{
    QNetworkRequest request(url);
    // The driver decides what to follow: a redirect to the relying party must come back
    // unrequested.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply* reply = nullptr;
    if (form.isNull()) {
        reply = manager.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = manager.post(request, form);
    }
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(int(qMax<qint64>(1, deadline.remainingTime())));
    if (!reply->isFinished())
        loop.exec();
    Step step;
    if (!reply->isFinished()) {
        reply->abort();
        step.error = QStringLiteral("timeout at %1").arg(url.toString());
    } else {
        step.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        step.location = QUrl::fromEncoded(reply->rawHeader("Location"));
        step.body = reply->readAll();
        if (step.status == 0)
            step.error = QStringLiteral("no answer from %1: %2").arg(url.toString(), reply->errorString());
    }
    reply->deleteLater();
    return step;
}

// The browser: GET the authorization URL, follow the provider's redirects to its form,
// submit `form` to the form whose action ends in `action`, follow the redirects again until
// one leaves the provider. The form is submitted once: a second form page means refused.
OidcProviderProcess::BrowserlessLogin drive(const QUrl& authorizationUrl, const QString& action, const QByteArray& form,
                                            int timeoutMs)
{
    OidcProviderProcess::BrowserlessLogin result;
    const QDeadlineTimer deadline(timeoutMs);
    QNetworkAccessManager manager; // its default cookie jar keeps the interaction cookies
    const QRegularExpression formAction(QStringLiteral(R"re(<form[^>]*action="([^"]*/%1)")re").arg(action));
    QUrl url = authorizationUrl;
    QByteArray body; // null: GET
    bool submitted = false;
    for (int hop = 0; hop < MaxHops; ++hop) {
        const Step step = exchange(manager, url, body, deadline);
        if (!step.error.isEmpty()) {
            result.error = step.error;
            return result;
        }
        if (step.status >= 300 && step.status < 400 && step.location.isValid()) {
            const QUrl next = url.resolved(step.location);
            if (!sameOrigin(next, authorizationUrl)) {
                result.callbackUrl = next; // the relying party's redirect_uri: not requested
                return result;
            }
            url = next;
            body = QByteArray(); // the provider answers its form posts with 303: GET
            continue;
        }
        const QRegularExpressionMatch match = formAction.match(QString::fromUtf8(step.body));
        if (step.status == 200 && match.hasMatch() && !submitted) {
            url = url.resolved(QUrl(match.captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"))));
            body = form;
            submitted = true;
            continue;
        }
        result.error = QStringLiteral("%1 at %2: %3")
                           .arg(submitted && step.status == 200 ? QStringLiteral("login refused")
                                                                : QStringLiteral("HTTP %1").arg(step.status),
                                url.toString(), pageText(step.body));
        return result;
    }
    result.error = QStringLiteral("more than %1 redirects").arg(MaxHops);
    return result;
}

} // namespace

OidcProviderProcess::~OidcProviderProcess()
{
    stop();
}

QString OidcProviderProcess::nodePath()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("node"));
    return found.isEmpty() ? QStringLiteral("/usr/bin/node") : found;
}

QString OidcProviderProcess::scriptPath()
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/oidc/provider.mjs");
}

QString OidcProviderProcess::unavailableReason()
{
    if (!QFileInfo(nodePath()).isExecutable())
        return QStringLiteral("no node (Debian package nodejs)");
    const QString module = QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/oidc/node_modules/oidc-provider/package.json");
    if (!QFileInfo::exists(module))
        return QStringLiteral("oidc-provider is not installed: run `make oidc-deps` (npm ci in tests/oidc)");
    return {};
}

QJsonObject OidcProviderProcess::generatePrivateJwks(const QString& algorithm, QString* error)
{
    QProcess node;
    node.start(nodePath(), {QStringLiteral("-e"), QString::fromUtf8(KeyScript), algorithm});
    const bool finished = node.waitForFinished(30'000);
    if (!finished)
        node.kill();
    const QJsonObject jwks = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    if (finished && node.exitCode() == 0 && !jwks.value(QStringLiteral("keys")).toArray().isEmpty())
        return jwks;
    if (error)
        *error = QStringLiteral("key generation for %1 failed: %2 %3")
                     .arg(algorithm, node.errorString(), QString::fromUtf8(node.readAllStandardError()));
    node.waitForFinished();
    return {};
}

bool OidcProviderProcess::start(const Options& options, int timeoutMs)
{
    stop();
    m_port = 0;
    m_options = options;
    m_startError = unavailableReason();
    if (!m_startError.isEmpty())
        return false;
    m_jwks = options.privateJwks;
    if (m_jwks.isEmpty())
        m_jwks = generatePrivateJwks(options.signingAlgorithm, &m_startError);
    return !m_jwks.isEmpty() && startOnce(0, timeoutMs) == Attempt::Started;
}

bool OidcProviderProcess::restart(const Options& options, int timeoutMs)
{
    const quint16 port = m_port;
    if (port == 0)
        return start(options, timeoutMs);
    stop();
    m_options = options;
    m_jwks = options.privateJwks;
    if (m_jwks.isEmpty())
        m_jwks = generatePrivateJwks(options.signingAlgorithm, &m_startError);
    if (m_jwks.isEmpty())
        return false;
    // Node binds with SO_REUSEADDR, so only another listener can hold the port: it was ours a
    // moment ago, and is usually free again by the next attempt.
    QDeadlineTimer deadline(timeoutMs);
    for (int attempt = 0; attempt < MaxAttempts && !deadline.hasExpired(); ++attempt) {
        switch (startOnce(port, int(deadline.remainingTime()))) {
        case Attempt::Started:
            return true;
        case Attempt::Failed:
            return false;
        case Attempt::PortTaken:
            QThread::msleep(100 << attempt); // back off: 0.1 s, 0.2 s, ... 1.6 s
            break;
        }
    }
    m_startError = QStringLiteral("port %1 stayed taken: %2").arg(port).arg(QString::fromUtf8(stderrData()));
    return false;
}

OidcProviderProcess::Attempt OidcProviderProcess::startOnce(quint16 port, int timeoutMs)
{
    m_issuer.clear();
    m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("gatehouse-oidc-XXXXXX")));
    if (!m_dir->isValid() || !writeConfiguration(port)) {
        m_startError = QStringLiteral("cannot write the configuration in a temporary directory");
        return Attempt::Failed;
    }
    // stderr to a file: a chatty provider never blocks on a full pipe while a test is busy.
    m_process.setStandardErrorFile(path(QStringLiteral("stderr.log")));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(nodePath(), {scriptPath(), path(QStringLiteral("config.json"))});

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
    QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    QByteArray output;
    while (timer.isActive() && isRunning()) {
        output += m_process.readAllStandardOutput();
        const qsizetype at = output.indexOf(ReadyPrefix);
        const qsizetype end = output.indexOf('\n', at);
        if (at >= 0 && end > at) {
            m_issuer = QString::fromUtf8(output.mid(at + qsizetype(sizeof(ReadyPrefix) - 1), end - at).trimmed());
            m_port = quint16(QUrl(m_issuer).port());
            return Attempt::Started;
        }
        loop.exec();
    }
    const bool exited = !isRunning() && m_process.exitStatus() == QProcess::NormalExit;
    const bool portTaken = exited && m_process.exitCode() == ExitPortTaken;
    const QString processError = m_process.error() == QProcess::FailedToStart ? m_process.errorString() : QString();
    stop();
    if (portTaken)
        return Attempt::PortTaken;
    m_startError = QStringLiteral("the provider did not start (%1): %2%3")
                       .arg(exited ? QStringLiteral("exit code %1").arg(m_process.exitCode())
                                   : QStringLiteral("no ready line within %1 ms").arg(timeoutMs),
                            processError, QString::fromUtf8(stderrData().right(2000)));
    return Attempt::Failed;
}

bool OidcProviderProcess::writeConfiguration(quint16 port)
{
    const QJsonObject firstKey = m_jwks.value(QStringLiteral("keys")).toArray().at(0).toObject();
    const QString algorithm = firstKey.value(QStringLiteral("alg")).toString(m_options.signingAlgorithm);
    const QJsonObject client{{QStringLiteral("client_id"), m_options.clientId},
                             {QStringLiteral("client_secret"), m_options.clientSecret},
                             {QStringLiteral("redirect_uris"), QJsonArray::fromStringList(m_options.redirectUris)},
                             {QStringLiteral("token_endpoint_auth_method"), m_options.authMethod},
                             {QStringLiteral("id_token_signed_response_alg"), algorithm}};
    QJsonArray accounts;
    for (const OidcAccount& account : m_options.accounts)
        accounts.append(accountJson(account));
    QJsonArray clients{client};
    for (const QString& other : m_options.otherClientIds) {
        QJsonObject another = client;
        another.insert(QStringLiteral("client_id"), other);
        clients.append(another);
    }
    QJsonObject config{{QStringLiteral("clients"), clients},
                       {QStringLiteral("accounts"), accounts},
                       {QStringLiteral("keys"), m_jwks},
                       {QStringLiteral("idTokenTtl"), m_options.idTokenTtlSeconds},
                       {QStringLiteral("clockSkewSeconds"), m_options.clockSkewSeconds}};
    if (port != 0)
        config.insert(QStringLiteral("port"), port);
    // Private keys and the client secret: readable by this user only.
    QFile file(path(QStringLiteral("config.json")));
    return file.open(QIODevice::WriteOnly) && file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        && file.write(QJsonDocument(config).toJson()) > 0;
}

bool OidcProviderProcess::stop(int timeoutMs)
{
    return stopChildProcess(m_process, timeoutMs);
}

bool OidcProviderProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QByteArray OidcProviderProcess::stderrData() const
{
    QFile file(path(QStringLiteral("stderr.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString OidcProviderProcess::path(const QString& name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

OidcProviderProcess::BrowserlessLogin OidcProviderProcess::login(const QUrl& authorizationUrl, const QString& username,
                                                                 const QString& password, int timeoutMs)
{
    // Percent-encoded by hand: QUrlQuery leaves '+' alone, which a form decoder reads as space.
    const QByteArray form =
        "login=" + QUrl::toPercentEncoding(username) + "&password=" + QUrl::toPercentEncoding(password);
    return drive(authorizationUrl, QStringLiteral("login"), form, timeoutMs);
}

OidcProviderProcess::BrowserlessLogin OidcProviderProcess::abort(const QUrl& authorizationUrl, int timeoutMs)
{
    return drive(authorizationUrl, QStringLiteral("abort"), QByteArray(""), timeoutMs);
}
