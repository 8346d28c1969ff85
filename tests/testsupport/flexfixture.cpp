#include "flexfixture.h"

FlexFixture::FlexFixture(TestServer::ConfigHook hook)
    : server(std::move(hook)), flex(http, [this](const QString& path) { return server.url(path); })
{}

bool FlexFixture::start()
{
    if (!server.start().ok)
        return false;
    if (server.isTls())
        http.setTrustedCertificateFile(server.certificatePath());
    return true;
}

bool FlexFixture::restart()
{
    server.stop();
    return start();
}

bool FlexFixture::enableAuth(const QString& password)
{
    return flex.setPassword(password).status == 200;
}
