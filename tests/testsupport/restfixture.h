#pragma once

#include "flexclient.h"
#include "flexfixture.h"
#include "httpclient.h"
#include "restclient.h"
#include "testserver.h"

// A TestServer (global token bucket off, so tests can make many calls) with an HttpClient
// that trusts its certificate, and FlexClient and RestClient bound to its URL. Accounts
// are made the way an administrator makes them: the admin password through flex, users
// through POST /api/users.
struct RestFixture
{
    explicit RestFixture(TestServer::ConfigHook hook = {});

    bool start();   // false (with startError()) if the server did not come up
    bool restart(); // same data dir and clock, new thread and port
    QString startError() const { return server.startInfo().error; }

    // Sets the admin password (auth disabled -> enabled); true on 200.
    bool enableAuth(const QString& adminPassword = TestPasswords::first());
    // Basic credentials of the built-in admin with the password enableAuth() set by default.
    static RequestHeaders adminBasic();
    // POST /api/users as the admin; the new account's id as text, "" unless 201.
    QString createUser(const QString& username, const QString& role, const QString& password);

    TestServer server;
    HttpClient http;
    FlexClient flex;
    RestClient rest;
};
