#pragma once

#include "oidc/jwk.h"
#include "oidc/providermetadata.h"
#include "values/oidcsettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class Clock;

// The configured OpenID provider as Gatehouse sees it: its discovery document and signing
// keys (fetched on first need and cached; fetched again after a failure), and its token
// endpoint. Every call answers on the server's event loop through a callback; concurrent
// callers of a fetch in flight share it.
class OidcProvider : public QObject
{
    Q_OBJECT

public:
    // An unknown `kid` may mean the provider rotated its keys: the JWKS is fetched again,
    // but at most once per this interval, so tokens with made-up kids cannot make Gatehouse
    // hammer the provider.
    static constexpr qint64 KeyRefetchIntervalMs = 10'000;

    OidcProvider(const OidcSettings& settings, const Clock& clock, QObject* parent = nullptr);

    using MetadataDone = std::function<void(const ProviderMetadata* metadata, const QString& error)>;
    void metadata(MetadataDone done);

    using KeysDone = std::function<void(const JwkSet* keys, const QString& error)>;
    // The cached keys, or fetched ones; with `unknownKid` a refetch if the interval allows
    // (else the cached keys again).
    void keys(bool unknownKid, KeysDone done);

    // Drops the cached discovery document and keys and fetches both again (the panel's "Test
    // discovery"); answers like keys(). A fetch already in flight is joined, not doubled. Until
    // it succeeds, logins wait for (or fail on) the new fetch, as after a failed start.
    void refresh(KeysDone done);

    struct Exchange
    {
        QByteArray idToken;       // empty on failure
        bool unreachable = false; // true: the provider did not answer (502), else it refused (401)
        QString error;            // for the log: never a secret
    };
    void exchangeCode(const QString& code, const QByteArray& codeVerifier, const QString& redirectUri,
                      std::function<void(const Exchange&)> done);

    // For `gatehoused oidc status` and the panel.
    bool hasMetadata() const { return m_metadata.has_value(); }
    int keyCount() const { return m_keys ? m_keys->size() : 0; }
    QString lastError() const { return m_lastError; }

private:
    void fetchMetadata();
    void fetchKeys();

    OidcSettings m_settings;
    const Clock& m_clock;
    QNetworkAccessManager m_network;
    std::optional<ProviderMetadata> m_metadata;
    std::optional<JwkSet> m_keys;
    qint64 m_keysFetchedAtMs = 0;
    QString m_lastError;
    std::vector<MetadataDone> m_waitingForMetadata;
    std::vector<KeysDone> m_waitingForKeys;
};
