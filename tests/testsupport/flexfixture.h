#pragma once

#include "flexclient.h"
#include "httpclient.h"
#include "testserver.h"

// A TestServer with an HttpClient that trusts its certificate and a FlexClient bound to
// its URL: what nearly every flex integration test starts from.
struct FlexFixture
{
    explicit FlexFixture(TestServer::ConfigHook hook = {});

    bool start();   // false (with startError()) if the server did not come up
    bool restart(); // same data dir and clock, new thread and port
    QString startError() const { return server.startInfo().error; }

    // Sets the first password (auth disabled -> enabled); true on 200.
    bool enableAuth(const QString& password);

    TestServer server;
    HttpClient http;
    FlexClient flex;
};

// Passwords the tests use: long enough, not in any dictionary.
namespace TestPasswords {
inline QString first()
{
    return QStringLiteral("Tr0ub4dor-gatehouse-2026");
}
inline QString second()
{
    return QStringLiteral("quiet-Meadow-5521-vessel");
}
inline QString third()
{
    return QStringLiteral("Zebra-lantern-93-orbit!");
}
inline QString wrong()
{
    return QStringLiteral("not-the-Password-8841");
}
} // namespace TestPasswords
