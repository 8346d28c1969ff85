#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Base64url as JOSE spells token parts and key parameters (RFC 7515 §2), decoded strictly:
// no padding, no whitespace, no character outside the alphabet, and unused trailing bits
// zero, so every value has exactly one accepted spelling (a token cannot be re-spelled to
// slip past a cache or a revocation list keyed on its text).
namespace Base64Url {

bool decode(QByteArrayView in, QByteArray* out);
QByteArray encode(QByteArrayView data);

} // namespace Base64Url
