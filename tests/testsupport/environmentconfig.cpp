#include "environmentconfig.h"

#include "server/config/configloader.h"

#include <QtGlobal>

namespace EnvironmentConfig {

TestServer::ConfigHook hook(const QProcessEnvironment& environment)
{
    return [environment](Config& config) {
        QProcessEnvironment applied = environment;
        if (!applied.contains(QStringLiteral("GLOBAL_RATE_LIMIT_RPS")))
            applied.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
        ConfigSources sources;
        sources.environment = applied;
        sources.defaultDataDir = config.dataDir;
        QString error;
        std::optional<Config> loaded = loadConfig(sources, &error);
        if (!loaded) {
            // The test then runs on an unconfigured server and fails on its first check.
            qCritical("EnvironmentConfig: %s", qPrintable(error));
            return;
        }
        loaded->dataDir = config.dataDir;
        loaded->listenAddress = config.listenAddress;
        loaded->port = config.port;
        loaded->plainHttp = config.plainHttp;
        loaded->secretKey = config.secretKey;
        loaded->keyStoreBackend = config.keyStoreBackend;
        config = *loaded;
    };
}

} // namespace EnvironmentConfig
