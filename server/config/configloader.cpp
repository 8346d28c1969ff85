#include "config/configloader.h"

#include "config/oidcconfig.h"
#include "config/setting.h"
#include "config/systemdcredentials.h"
#include "values/databaselocation.h"
#include "values/decimal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

using Apply = SettingApply;

std::optional<qint64> parseInteger(const QString& text, qint64 min, qint64 max)
{
    const std::optional<qint64> value = Decimal::parse(QStringView(text).trimmed());
    if (!value || *value < min || *value > max)
        return std::nullopt;
    return value;
}

Apply integer(int Config::*field, qint64 min, qint64 max)
{
    return [=](Config& config, const QString& text) {
        const auto value = parseInteger(text, min, max);
        if (value)
            config.*field = int(*value);
        return value.has_value();
    };
}

Apply limit(int ConnectionLimits::*field, qint64 min, qint64 max)
{
    return [=](Config& config, const QString& text) {
        const auto value = parseInteger(text, min, max);
        if (value)
            config.limits.*field = int(*value);
        return value.has_value();
    };
}

Apply duration(qint64 TokenLifetimes::*field)
{
    return [=](Config& config, const QString& text) {
        const auto value = parseDuration(text);
        if (value)
            config.lifetimes.*field = *value;
        return value.has_value();
    };
}

Apply boolean(bool Config::*field)
{
    return [=](Config& config, const QString& text) {
        const std::optional<bool> value = parseSettingFlag(text);
        if (value)
            config.*field = *value;
        return value.has_value();
    };
}

// A file name or other text that must not be empty.
Apply text(QString Config::*field)
{
    return [=](Config& config, const QString& value) {
        config.*field = value;
        return !value.isEmpty();
    };
}

bool applyListen(Config& config, const QString& text)
{
    const int colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address = host == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    const auto port = parseInteger(text.mid(colon + 1), 0, 65535);
    if (address.isNull() || !port)
        return false;
    config.listenAddress = address;
    config.port = quint16(*port);
    return true;
}

bool applyDatabase(Config& config, const QString& text)
{
    QString error;
    if (!DatabaseLocation::parse(text, &error))
        return false;
    config.database = text;
    return true;
}

bool applyTrustedProxies(Config& config, const QString& text)
{
    config.trustedProxies.clear();
    for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
        QString entry = item.trimmed();
        if (!entry.contains(u'/'))
            entry += QHostAddress(entry).protocol() == QAbstractSocket::IPv6Protocol ? u"/128" : u"/32";
        const auto subnet = QHostAddress::parseSubnet(entry);
        if (subnet.first.isNull())
            return false;
        config.trustedProxies.append(subnet);
    }
    return true;
}

bool applyResources(Config& config, const QString& text)
{
    config.resources.clear();
    for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
        const QString name = item.trimmed().toLower();
        for (const QChar c : name) {
            if (!c.isLower() && !c.isDigit() && c != u'_' && c != u'-')
                return false;
        }
        if (!name.isEmpty() && !config.resources.contains(name))
            config.resources.append(name);
    }
    return true;
}

bool applyForwardAuthRules(Config& config, const QString& text)
{
    QString ignored; // the caller names the setting and shows its help text
    const auto rules = ForwardAuthRules::parse(text, &ignored);
    if (rules)
        config.forwardAuthRules = *rules;
    return rules.has_value();
}

bool applyKeyStore(Config& config, const QString& text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"auto")
        config.keyStoreBackend = KeyStore::Backend::Auto;
    else if (value == u"keychain")
        config.keyStoreBackend = KeyStore::Backend::Keychain;
    else if (value == u"file")
        config.keyStoreBackend = KeyStore::Backend::File;
    else
        return false;
    return true;
}

const std::vector<Setting>& settings()
{
    static const std::vector<Setting> table = {
        {"data_dir",
         {u"GATEHOUSE_DATA_DIR"_s},
         QT_TRANSLATE_NOOP("Settings", "directory for the database, keys and certificate"),
         [](Config& c, const QString& v) {
             c.dataDir = QDir(v).absolutePath();
             return !v.isEmpty();
         }},
        {"listen",
         {u"GATEHOUSE_LISTEN"_s},
         QT_TRANSLATE_NOOP("Settings", "ADDR:PORT to serve on (default 0.0.0.0:3539)"),
         applyListen},
        {"http",
         {u"GATEHOUSE_HTTP"_s},
         QT_TRANSLATE_NOOP("Settings", "serve plain HTTP instead of HTTPS (behind a proxy, tests)"),
         boolean(&Config::plainHttp)},
        {"database",
         {u"GATEHOUSE_DATABASE"_s},
         QT_TRANSLATE_NOOP("Settings",
                           "sqlite:PATH (default <data dir>/gatehouse.db) or postgresql://USER@HOST[:PORT]/DB"),
         applyDatabase},
        {"admin_password_file",
         {u"GATEHOUSE_ADMIN_PASSWORD_FILE"_s},
         QT_TRANSLATE_NOOP("Settings", "seed the admin password from this file's first line if none is set"),
         text(&Config::adminPasswordFile)},
        {"require_auth",
         {u"GATEHOUSE_REQUIRE_AUTH"_s},
         QT_TRANSLATE_NOOP("Settings", "refuse to run open: 503 until a password is set"),
         boolean(&Config::requireAuth)},
        {"metrics",
         {u"GATEHOUSE_METRICS"_s},
         QT_TRANSLATE_NOOP("Settings", "serve GET /metrics and count requests for it (default true)"),
         boolean(&Config::metrics)},
        {"keystore", {u"GATEHOUSE_KEYSTORE"_s}, QT_TRANSLATE_NOOP("Settings", "auto | keychain | file"), applyKeyStore},
        {"secret_key_file",
         {u"GATEHOUSE_SECRET_KEY_FILE"_s},
         QT_TRANSLATE_NOOP("Settings", "the 32-byte master key file every instance of a shared database uses"),
         text(&Config::secretKeyFile)},
        {"max_login_attempts",
         {u"MAX_LOGIN_ATTEMPTS"_s, u"GATEHOUSE_MAX_LOGIN_ATTEMPTS"_s},
         QT_TRANSLATE_NOOP("Settings", "failures per IP within the window before a lockout (0 = never lock)"),
         integer(&Config::maxLoginAttempts, 0, 1'000'000)},
        {"rate_limit_window_seconds",
         {u"RATE_LIMIT_WINDOW_SECONDS"_s, u"GATEHOUSE_RATE_LIMIT_WINDOW_SECONDS"_s},
         QT_TRANSLATE_NOOP("Settings", "the failure window"),
         integer(&Config::rateLimitWindowSecs, 1, 30 * 24 * 3600)},
        {"global_rate_limit_rps",
         {u"GLOBAL_RATE_LIMIT_RPS"_s, u"GATEHOUSE_GLOBAL_RATE_LIMIT_RPS"_s},
         QT_TRANSLATE_NOOP("Settings", "sustained requests per second per IP (0 = off)"),
         [](Config& c, const QString& v) {
             bool ok = false;
             const double rps = v.trimmed().toDouble(&ok);
             // toDouble() takes "inf": a rate no bucket arithmetic should see (0 is "off").
             ok = ok && std::isfinite(rps) && rps >= 0;
             if (ok)
                 c.globalRateLimitRps = rps;
             return ok;
         }},
        {"global_rate_limit_burst",
         {u"GLOBAL_RATE_LIMIT_BURST"_s, u"GATEHOUSE_GLOBAL_RATE_LIMIT_BURST"_s},
         QT_TRANSLATE_NOOP("Settings", "burst per IP"),
         integer(&Config::globalRateLimitBurst, 1, 1'000'000)},
        {"trusted_proxies",
         {u"GATEHOUSE_TRUSTED_PROXIES"_s},
         QT_TRANSLATE_NOOP("Settings", "comma-separated addresses/subnets whose X-Forwarded-For is believed"),
         applyTrustedProxies},
        {"flex_token_duration",
         {u"FLEX_TOKEN_DURATION"_s},
         QT_TRANSLATE_NOOP("Settings", "flex token lifetime (24h)"),
         duration(&TokenLifetimes::flexTokenSecs)},
        {"jwt_expire_duration",
         {u"JWT_EXPIRE_DURATION"_s},
         QT_TRANSLATE_NOOP("Settings", "rest access token lifetime (8h)"),
         duration(&TokenLifetimes::restAccessSecs)},
        {"manager_access_duration",
         {u"MANAGER_ACCESS_DURATION"_s},
         QT_TRANSLATE_NOOP("Settings", "manager access token lifetime (15m)"),
         duration(&TokenLifetimes::managerAccessSecs)},
        {"refresh_duration",
         {u"REFRESH_DURATION"_s},
         QT_TRANSLATE_NOOP("Settings", "refresh token lifetime (7d)"),
         duration(&TokenLifetimes::refreshSecs)},
        {"resources",
         {u"GATEHOUSE_RESOURCES"_s},
         QT_TRANSLATE_NOOP("Settings", "declared resources, e.g. redirect,page,agent"),
         applyResources},
        {"forward_auth_rules",
         {u"GATEHOUSE_FORWARD_AUTH_RULES"_s},
         QT_TRANSLATE_NOOP(
             "Settings", "forward-auth rules \"METHODS PATH-PREFIX REQUIREMENT; ...\", e.g. \"GET /pages page:read\""),
         applyForwardAuthRules},
        {"hash_threads",
         {u"GATEHOUSE_HASH_THREADS"_s},
         QT_TRANSLATE_NOOP("Settings", "password hashing threads"),
         integer(&Config::hashThreads, 1, 64)},
        {"hash_queue",
         {u"GATEHOUSE_HASH_QUEUE"_s},
         QT_TRANSLATE_NOOP("Settings", "hash jobs queued before 503 busy"),
         integer(&Config::hashQueue, 1, 100'000)},
        {"header_timeout_ms",
         {u"GATEHOUSE_HEADER_TIMEOUT_MS"_s},
         QT_TRANSLATE_NOOP("Settings", "request headers deadline (10000)"),
         limit(&ConnectionLimits::headerTimeoutMs, 100, 600'000)},
        {"idle_timeout_ms",
         {u"GATEHOUSE_IDLE_TIMEOUT_MS"_s},
         QT_TRANSLATE_NOOP("Settings", "keep-alive idle deadline (60000)"),
         limit(&ConnectionLimits::idleTimeoutMs, 100, 3'600'000)},
        {"max_connections",
         {u"GATEHOUSE_MAX_CONNECTIONS"_s},
         QT_TRANSLATE_NOOP("Settings", "open connections in all (2048)"),
         limit(&ConnectionLimits::maxConnections, 1, 1'000'000)},
        {"max_connections_per_ip",
         {u"GATEHOUSE_MAX_CONNECTIONS_PER_IP"_s},
         QT_TRANSLATE_NOOP("Settings", "open connections per client IP (256)"),
         limit(&ConnectionLimits::maxConnectionsPerIp, 1, 1'000'000)},
    };
    static const std::vector<Setting> all = [] {
        std::vector<Setting> list = table;
        const std::vector<Setting> oidc = oidcSettings();
        list.insert(list.end(), oidc.begin(), oidc.end());
        return list;
    }();
    return all;
}

// QSettings turns "a, b, c" into a list; settings want the text back.
QString iniText(const QVariant& value)
{
    return value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString();
}

} // namespace

std::optional<qint64> parseDuration(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    qint64 unit = 1;
    QStringView digits = trimmed;
    switch (trimmed.back().unicode()) {
    case 's':
        unit = 1;
        digits.chop(1);
        break;
    case 'm':
        unit = 60;
        digits.chop(1);
        break;
    case 'h':
        unit = 3600;
        digits.chop(1);
        break;
    case 'd':
        unit = 86400;
        digits.chop(1);
        break;
    default:
        break;
    }
    const std::optional<qint64> value = Decimal::parse(digits);
    if (!value || *value <= 0 || *value > 10LL * 365 * 86400 / unit)
        return std::nullopt;
    return *value * unit;
}

std::optional<bool> parseSettingFlag(const QString& text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"1" || value == u"true" || value == u"yes" || value == u"on")
        return true;
    if (value == u"0" || value == u"false" || value == u"no" || value == u"off")
        return false;
    return std::nullopt;
}

std::optional<Config> loadConfig(const ConfigSources& sources, QString* error)
{
    Config config;
    config.dataDir = sources.defaultDataDir;
    std::unique_ptr<QSettings> ini;
    if (!sources.configFile.isEmpty()) {
        if (!QFileInfo(sources.configFile).isReadable()) {
            *error = QStringLiteral("cannot read the configuration file %1").arg(sources.configFile);
            return std::nullopt;
        }
        ini = std::make_unique<QSettings>(sources.configFile, QSettings::IniFormat);
        if (ini->status() != QSettings::NoError) {
            *error = QStringLiteral("the configuration file %1 is not valid INI").arg(sources.configFile);
            return std::nullopt;
        }
    }
    for (const Setting& setting : settings()) {
        const QString key = QLatin1String(setting.key);
        QString value;
        QString origin;
        if (ini && ini->contains(key)) {
            value = iniText(ini->value(key));
            origin = QStringLiteral("%1 in %2").arg(key, sources.configFile);
        }
        for (const QString& name : setting.environment) {
            if (sources.environment.contains(name)) {
                value = sources.environment.value(name);
                origin = name;
            }
        }
        if (sources.commandLine.contains(key)) {
            value = sources.commandLine.value(key);
            origin = QStringLiteral("--") + QString(key).replace(u'_', u'-');
        }
        if (!origin.isEmpty() && !setting.apply(config, value)) {
            *error =
                QStringLiteral("invalid value for %1: \"%2\" (%3)").arg(origin, value, QLatin1String(setting.help));
            return std::nullopt;
        }
    }
    // SECRET_KEY only from the environment: a key in a world-readable INI file would be a leak.
    config.secretKey = sources.environment.value(QStringLiteral("SECRET_KEY")).toUtf8();
    if (!SystemdCredentials::apply(sources.environment, config, error))
        return std::nullopt;
    if (!completeOidc(sources.environment, config, error))
        return std::nullopt;
    if (config.dataDir.isEmpty()) {
        *error = QStringLiteral("no data directory: pass --data-dir");
        return std::nullopt;
    }
    return config;
}

// For people (--help), so in their language; the error of loadConfig() keeps the English
// help text beside the setting's name.
QString describeSettings()
{
    QString text =
        QCoreApplication::translate(
            "Settings", "Settings (gatehouse.conf key / environment), later wins: file < environment < command line:")
        + u'\n';
    for (const Setting& setting : settings()) {
        text += QStringLiteral("  %1 / %2\n      %3\n")
                    .arg(QLatin1String(setting.key), setting.environment.join(QStringLiteral(", ")),
                         QCoreApplication::translate("Settings", setting.help));
    }
    text += QStringLiteral("  SECRET_KEY (%1)\n      %2\n")
                .arg(QCoreApplication::translate("Settings", "environment only"),
                     QCoreApplication::translate("Settings", "raw HMAC key for JWTs; default: from the key store"));
    return text;
}
