#pragma once

#include "panel/panelvalues.h"

#include <QList>

#include <functional>

class Server;

// The control panel's OpenID Connect page on the server side: the settings as configured,
// what the provider answered, a fresh discovery on demand, and which accounts are linked to
// which provider. Server thread only, like ControlPanel, which asks it.
namespace OidcPanel {

OidcPanelStatus status(Server& server);
// Fetches the discovery document and the keys again; `done` runs in the server thread with
// the status afterwards. Up to 10 s per fetch when the provider does not answer.
void testDiscovery(Server& server, std::function<void(const OidcPanelStatus&)> done);
// Oldest link first; empty when none or the database could not be read.
QList<OidcLinkInfo> links(Server& server);

} // namespace OidcPanel
