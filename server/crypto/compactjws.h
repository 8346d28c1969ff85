#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

// The compact JWS serialisation both of Gatehouse's token readers take apart: its own HS256
// JWTs (crypto/jose) and OpenID providers' ID tokens (oidc/idtokenvalidator). Only the
// shape: which algorithm and key may verify a signature is each reader's own decision.
namespace CompactJws {

struct Parts
{
    QByteArrayView header;
    QByteArrayView payload;
    QByteArrayView signature;
    QByteArrayView signingInput; // header "." payload
};

// Exactly three dot-separated parts, header and payload non-empty (an empty signature is
// left to the algorithm check, so `alg: none` tokens are reported as what they are); nullopt
// for anything else or for a token over `maxBytes`, refused before any decoding.
std::optional<Parts> split(QByteArrayView token, qsizetype maxBytes);
// A part as the JSON object it must be: strict base64url, then an object, nothing else.
std::optional<QJsonObject> decodeObject(QByteArrayView base64Url);

} // namespace CompactJws
