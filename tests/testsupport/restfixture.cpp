#include "restfixture.h"

RestFixture::RestFixture(TestServer::ConfigHook hook)
    : FlexFixture([hook = std::move(hook)](Config& config) {
          config.globalRateLimitRps = 0;
          if (hook)
              hook(config);
      }),
      rest(http, [this](const QString& path) { return server.url(path); })
{}

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
