#pragma once

#include "crypto/jose.h"
#include "crypto/shorthash.h"

#include <QByteArray>
#include <QHash>

#include <optional>

// Remembers access tokens whose signature and claims already verified, so a client that
// sends the same bearer token again costs a SipHash and a constant-time compare instead of
// two JSON parses and an HMAC (most of a request's cost). Only fully verified tokens go
// in; a hit still has its `exp` checked against the clock, and the session behind it is
// looked up on every request, so logout and revocation stay immediate. Bounded.
class VerifiedTokenCache
{
public:
    std::optional<JwtClaims> find(QByteArrayView token, qint64 nowSecs) const;
    void remember(QByteArrayView token, const JwtClaims& claims, qint64 nowSecs);

private:
    struct Entry
    {
        QByteArray token;
        JwtClaims claims;
    };

    ShortHash m_hash;
    QHash<quint64, Entry> m_entries;
};
