#include "panel/oidcpanel.h"

#include "core/accountstore.h"
#include "oidc/oidclogin.h"
#include "server.h"

namespace OidcPanel {

OidcPanelStatus status(Server& server)
{
    OidcPanelStatus status;
    OidcLogin* login = server.oidc();
    status.enabled = login != nullptr;
    if (!status.enabled)
        return status;
    const OidcSettings& settings = login->settings();
    status.issuer = settings.issuer;
    status.clientId = settings.clientId;
    status.clientSecretSet = !settings.clientSecret.isEmpty(); // whether, never what nor how long
    status.redirectUri = login->redirectUri();
    status.scopes = settings.scopes;
    status.defaultRole = settings.defaultRole;
    status.linkVerifiedEmail = settings.linkVerifiedEmail;
    const OidcProvider& provider = login->provider();
    status.discoveryLoaded = provider.hasMetadata();
    status.keyCount = provider.keyCount();
    status.lastError = provider.lastError();
    return status;
}

void testDiscovery(Server& server, std::function<void(const OidcPanelStatus&)> done)
{
    OidcLogin* login = server.oidc();
    if (!login) {
        done(status(server));
        return;
    }
    // The provider answers on this thread's event loop; the Server outlives its provider.
    login->provider().refresh(
        [&server, done = std::move(done)](const JwkSet*, const QString&) { done(status(server)); });
}

QList<OidcLinkInfo> links(Server& server)
{
    QList<OidcLinkInfo> links;
    const auto identities = server.oidcIdentities();
    if (!identities)
        return links;
    for (const OidcIdentityRecord& identity : *identities) {
        const AccountRecord* account = server.accounts().byId(identity.accountId);
        links.append(OidcLinkInfo{identity.accountId, account ? account->username : QString(), identity.issuer,
                                  identity.subject, identity.linkedAtMs});
    }
    return links;
}

} // namespace OidcPanel
