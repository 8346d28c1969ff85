#pragma once

#include <QString>

struct PanelFixture;

// The data set of the README's screenshots, made the way real clients make it: over HTTPS
// through the API (logins from several addresses and programs spread over the last hour,
// an attack that ends in a lockout, accounts, API tokens). The server's clock is moved
// minute by minute, so the Overview's chart has an hour to show.
namespace ScriptedData {

// `fixture` must be started with clientAddressesFromHeader() as its config hook, its clock
// an hour behind now.
bool populate(PanelFixture& fixture, QString* error);

} // namespace ScriptedData
