#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// SipHash-2-4 (libsodium crypto_shorthash) under a random key made at construction: a
// 64-bit fingerprint for in-memory look-ups of secret values (tokens). An attacker who
// cannot learn the key cannot aim values at one bucket or learn anything from timing;
// callers still confirm a hit with constantTimeEquals.
class ShortHash
{
public:
    ShortHash();
    quint64 of(QByteArrayView data) const;

private:
    unsigned char m_key[16];
};
