#include "http/authenticator.h"

#include "crypto/apitokenformat.h"

namespace {

struct BasicCredential
{
    QString username;
    QString password;
};

// Case-insensitive scheme match ("Bearer", "bearer"), RFC 7235.
bool hasScheme(const QByteArray& header, QByteArrayView scheme)
{
    return header.size() > scheme.size() && header.at(scheme.size()) == ' '
        && QByteArrayView(header).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0;
}

std::optional<BasicCredential> basicCredential(const QByteArray& header)
{
    if (!hasScheme(header, "Basic"))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(QByteArrayView(header).sliced(6).trimmed().toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
    if (colon <= 0)
        return std::nullopt;
    return BasicCredential{QString::fromUtf8(decoded.decoded.first(colon)),
                           QString::fromUtf8(decoded.decoded.sliced(colon + 1))};
}

} // namespace

std::optional<AuthResult> Authenticator::authenticateNow(const HttpRequest& request, const ClientInfo& client) const
{
    if (!m_auth.authEnabled())
        return m_auth.anonymousAdmin();
    const QByteArray& header = request.authorization;
    if (hasScheme(header, "Bearer")) {
        const QByteArrayView token = QByteArrayView(header).sliced(7).trimmed();
        if (ApiTokenFormat::looksLikeApiToken(token))
            return m_auth.authenticateApiToken(token, client);
        return m_auth.authenticateBearer(token);
    }
    if (const auto basic = basicCredential(header))
        return m_auth.authenticateBasicNow(basic->username, basic->password, client);
    return AuthError::unauthorized();
}

void Authenticator::authenticateLater(const HttpRequest& request, const ClientInfo& client,
                                      std::function<void(AuthResult)> done) const
{
    const auto basic = basicCredential(request.authorization);
    if (!basic) {
        done(AuthError::unauthorized());
        return;
    }
    m_auth.verifyBasic(basic->username, basic->password, client, std::move(done));
}
