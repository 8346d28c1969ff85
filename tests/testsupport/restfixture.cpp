#include "restfixture.h"

RestFixture::RestFixture(TestServer::ConfigHook hook)
    : server([hook = std::move(hook)](Config& config) {
        config.globalRateLimitRps = 0; // tests make bursts of calls; the bucket has its own tests
        if (hook)
            hook(config);
    })
    , flex(http, [this](const QString& path) { return server.url(path); })
    , rest(http, [this](const QString& path) { return server.url(path); })
{
}

bool RestFixture::start()
{
    if (!server.start().ok)
        return false;
    if (server.isTls())
        http.setTrustedCertificateFile(server.certificatePath());
    return true;
}

bool RestFixture::restart()
{
    server.stop();
    return start();
}

bool RestFixture::enableAuth(const QString& adminPassword)
{
    return flex.setPassword(adminPassword).status == 200;
}

RequestHeaders RestFixture::adminBasic()
{
    return RestClient::basic(QStringLiteral("admin"), TestPasswords::first());
}

QString RestFixture::createUser(const QString& username, const QString& role, const QString& password)
{
    const HttpResponse response = rest.createUser(RestClient::userBody(username, password, role), adminBasic());
    if (response.status != 201)
        return {};
    return RestClient::idText(response.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
}
