#pragma once

#include "flexfixture.h"
#include "restclient.h"

// A FlexFixture whose server runs with the global token bucket off (tests make many calls;
// the bucket has its own tests), plus a RestClient bound to its URL. Accounts are made the
// way an administrator makes them: the admin password through flex, users through
// POST /api/users.
struct RestFixture : FlexFixture
{
    explicit RestFixture(TestServer::ConfigHook hook = {});

    // Sets the admin password (auth disabled -> enabled); true on 200.
    bool enableAuth(const QString& adminPassword = TestPasswords::first())
    {
        return FlexFixture::enableAuth(adminPassword);
    }
    // Basic credentials of the built-in admin with the password enableAuth() set by default.
    static RequestHeaders adminBasic();
    // POST /api/users as the admin; the new account's id as text, "" unless 201.
    QString createUser(const QString& username, const QString& role, const QString& password);

    RestClient rest;
};
