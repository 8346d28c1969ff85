#include "core/apitokenstore.h"

#include "core/clock.h"
#include "core/logging.h"
#include "crypto/apitokenformat.h"
#include "crypto/hmacsha256.h"

#include <algorithm>

namespace {
constexpr int LastUseFlushMs = 2000;
}

ApiTokenStore::ApiTokenStore(ApiTokenRepository& repository, const HmacSha256& keyedHash, const Clock& clock,
                             QObject* parent)
    : QObject(parent), m_repository(repository), m_keyedHash(keyedHash), m_clock(clock),
      m_uses(LastUseFlushMs, [this](std::vector<qint64> ids) { writeUses(ids); })
{}

bool ApiTokenStore::load()
{
    const auto stored = m_repository.all();
    if (!stored) {
        qCWarning(lcAuth) << "could not load the API tokens";
        return false;
    }
    QHash<QByteArray, ApiTokenRecord> byHash;
    QHash<qint64, QByteArray> hashById;
    for (ApiTokenRecord token : *stored) {
        // A use not yet written is newer than what the database holds.
        if (const ApiTokenRecord* cached = byId(token.id); cached && cached->lastUsedAtMs > token.lastUsedAtMs) {
            token.lastUsedAtMs = cached->lastUsedAtMs;
            token.lastUsedIp = cached->lastUsedIp;
        }
        hashById.insert(token.id, token.tokenHash);
        byHash.insert(token.tokenHash, std::move(token));
    }
    // What another process changed, for the signals: tokens new here, tokens revoked there.
    std::vector<qint64> gone;
    std::vector<qint64> added;
    for (const ApiTokenRecord& token : std::as_const(byHash)) {
        const ApiTokenRecord* before = byId(token.id);
        if (!before && token.revokedAtMs == 0)
            added.push_back(token.id);
        else if (before && before->revokedAtMs == 0 && token.revokedAtMs != 0)
            gone.push_back(token.id);
    }
    m_byHash = std::move(byHash);
    m_hashById = std::move(hashById);
    for (const qint64 id : gone)
        emit tokenRevoked(id);
    for (const qint64 id : added)
        emit tokenCreated(id);
    return true;
}

std::optional<ApiTokenRecord> ApiTokenStore::insert(ApiTokenRecord token, QByteArrayView secret)
{
    token.tokenHash = m_keyedHash.mac(secret);
    token.hint = ApiTokenFormat::hint(secret);
    const auto id = m_repository.insert(token);
    if (!id) {
        qCWarning(lcAuth) << "could not store a new API token";
        return std::nullopt;
    }
    token.id = *id;
    m_hashById.insert(token.id, token.tokenHash);
    m_byHash.insert(token.tokenHash, token);
    emit tokenCreated(token.id);
    return token;
}

const ApiTokenRecord* ApiTokenStore::find(QByteArrayView secret) const
{
    const auto it = m_byHash.constFind(m_keyedHash.mac(secret));
    return it == m_byHash.cend() ? nullptr : &*it;
}

const ApiTokenRecord* ApiTokenStore::byId(qint64 id) const
{
    const auto hash = m_hashById.constFind(id);
    if (hash == m_hashById.cend())
        return nullptr;
    const auto it = m_byHash.constFind(*hash);
    return it == m_byHash.cend() ? nullptr : &*it;
}

void ApiTokenStore::markUsed(qint64 id, const QString& ip)
{
    const auto hash = m_hashById.constFind(id);
    if (hash == m_hashById.cend())
        return;
    ApiTokenRecord& token = m_byHash[*hash];
    token.lastUsedAtMs = m_clock.nowMs();
    token.lastUsedIp = ip;
    if (!m_usePending.contains(id)) {
        m_usePending.insert(id);
        m_uses.add(id);
    }
}

void ApiTokenStore::writeUses(const std::vector<qint64>& ids)
{
    std::vector<ApiTokenUse> uses;
    for (const qint64 id : ids) {
        m_usePending.remove(id);
        if (const ApiTokenRecord* token = byId(id))
            uses.push_back(ApiTokenUse{id, token->lastUsedAtMs, token->lastUsedIp});
    }
    if (!m_repository.recordUse(uses))
        qCWarning(lcAuth) << "could not record the last use of" << uses.size() << "API tokens";
    for (const ApiTokenUse& use : uses)
        emit tokenUsed(use.id);
}

bool ApiTokenStore::revoke(qint64 id)
{
    const ApiTokenRecord* token = byId(id);
    if (!token || token->revokedAtMs != 0 || !m_repository.revoke(id, m_clock.nowMs()))
        return false;
    const auto hash = m_hashById.constFind(id);
    // Committed: from now on the token is refused.
    m_byHash[*hash].revokedAtMs = m_clock.nowMs();
    emit tokenRevoked(id);
    return true;
}

std::vector<ApiTokenRecord> ApiTokenStore::list() const
{
    std::vector<ApiTokenRecord> tokens;
    tokens.reserve(m_byHash.size());
    for (const ApiTokenRecord& token : m_byHash) {
        if (token.revokedAtMs == 0)
            tokens.push_back(token);
    }
    std::sort(tokens.begin(), tokens.end(),
              [](const ApiTokenRecord& a, const ApiTokenRecord& b) { return a.id > b.id; });
    return tokens;
}

int ApiTokenStore::count() const
{
    return int(std::count_if(m_byHash.cbegin(), m_byHash.cend(),
                             [](const ApiTokenRecord& token) { return token.revokedAtMs == 0; }));
}
