#include "oidc/oidcclientsecret.h"

#include "crypto/sealedbox.h"
#include "storage/settingsrepository.h"

namespace {

const QString Setting = QStringLiteral("oidc.client_secret");

QByteArray boundTo(const OidcSettings& settings)
{
    return "gatehouse oidc client secret\n" + settings.issuer.toUtf8() + '\n' + settings.clientId.toUtf8();
}

} // namespace

OidcClientSecret::OidcClientSecret(Database& database, QByteArray sealingKey)
    : m_database(database), m_sealingKey(std::move(sealingKey))
{}

bool OidcClientSecret::store(const OidcSettings& settings, const QByteArray& secret)
{
    const QByteArray sealed = SealedBox::seal(m_sealingKey, secret, boundTo(settings));
    return !sealed.isEmpty() && SettingsRepository(m_database).setValue(Setting, QString::fromLatin1(sealed));
}

std::optional<QByteArray> OidcClientSecret::load(const OidcSettings& settings)
{
    const std::optional<QString> sealed = SettingsRepository(m_database).value(Setting);
    if (!sealed || sealed->isEmpty())
        return std::nullopt;
    return SealedBox::open(m_sealingKey, sealed->toLatin1(), boundTo(settings));
}
