// The configuration loader (loadConfig, configloader.h): the input is a gatehouse.conf's
// bytes, then NUL-separated entries, each "NAME=VALUE" for the environment or
// "--key=value" for the command line. Properties:
// - it loads, or says why not in a non-empty message that never shows SECRET_KEY;
// - what loads holds only values inside the documented ranges.
#include "config/configloader.h"

#include "tests/fuzz/fuzzinput.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cmath>
#include <cstdlib>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Secret = QByteArrayLiteral("fuzz-secret-key-0d5c9a71e3b8");

void require(bool property)
{
    if (!property)
        std::abort();
}

// One file, rewritten for every input. QSettings keeps parsed files in a cache and reads a
// file again only when its size or modification time changed, so every write gets a new
// time. (A new name per input would make that cache grow with every input, and libFuzzer
// would then run a full leak scan after each one.)
void writeIni(const QString& path, const QByteArray& contents)
{
    static qint64 serial = 0;
    QFile ini(path);
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
        std::abort();
    ini.write(contents);
    if (!ini.setFileTime(QDateTime::fromMSecsSinceEpoch(++serial * 1000, Qt::UTC), QFileDevice::FileModificationTime))
        std::abort();
}

ConfigSources sources(FuzzInput& input, const QString& path)
{
    ConfigSources sources;
    sources.configFile = path;
    sources.defaultDataDir = u"/var/lib/gatehouse"_s;
    sources.environment.insert(u"SECRET_KEY"_s, QString::fromLatin1(Secret));
    while (!input.atEnd()) {
        const QString entry = QString::fromUtf8(input.until('\0'));
        const qsizetype equals = entry.indexOf(u'=');
        if (equals < 0)
            continue;
        if (entry.startsWith(u"--"))
            sources.commandLine.insert(entry.mid(2, equals - 2), entry.mid(equals + 1));
        else
            sources.environment.insert(entry.left(equals), entry.mid(equals + 1));
    }
    return sources;
}

bool inRange(qint64 value, qint64 min, qint64 max)
{
    return value >= min && value <= max;
}

void checkLoaded(const Config& config)
{
    constexpr qint64 TenYears = 10LL * 365 * 86400;
    require(!config.dataDir.isEmpty() && !config.listenAddress.isNull());
    require(config.database.isEmpty() || (config.database.startsWith(u"sqlite:") && config.database.size() > 7));
    require(inRange(config.maxLoginAttempts, 0, 1'000'000) && inRange(config.rateLimitWindowSecs, 1, 30 * 86400));
    require(std::isfinite(config.globalRateLimitRps) && config.globalRateLimitRps >= 0);
    require(inRange(config.globalRateLimitBurst, 1, 1'000'000));
    for (const qint64 lifetime : {config.lifetimes.flexTokenSecs, config.lifetimes.restAccessSecs,
                                  config.lifetimes.managerAccessSecs, config.lifetimes.refreshSecs})
        require(inRange(lifetime, 1, TenYears));
    for (const auto& [address, prefix] : config.trustedProxies) {
        const int bits = address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
        require(!address.isNull() && inRange(prefix, 0, bits));
    }
    for (const QString& resource : config.resources)
        require(!resource.isEmpty() && resource == resource.toLower());
    require(inRange(config.hashThreads, 1, 64) && inRange(config.hashQueue, 1, 100'000));
    const ConnectionLimits& limits = config.limits;
    require(inRange(limits.headerTimeoutMs, 100, 600'000) && inRange(limits.idleTimeoutMs, 100, 3'600'000));
    require(inRange(limits.maxConnections, 1, 1'000'000) && inRange(limits.maxConnectionsPerIp, 1, 1'000'000));
}

// The file of this process, removed at exit.
struct IniFile
{
    const QString path =
        u"%1/gatehouse-fuzz-%2.conf"_s.arg(QDir(u"/dev/shm"_s).exists() ? u"/dev/shm"_s : QDir::tempPath())
            .arg(::getpid());
    ~IniFile() { QFile::remove(path); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const IniFile ini;
    const QString& path = ini.path;
    FuzzInput input(data, size);
    writeIni(path, input.until('\0'));

    QString error;
    const std::optional<Config> config = loadConfig(sources(input, path), &error);
    require(config.has_value() == error.isEmpty());
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    require(!error.toUtf8().contains(Secret) || bytes.contains(Secret));
    if (config)
        checkLoaded(*config);
    return 0;
}
