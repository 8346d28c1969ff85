#include "config/oidcconfig.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {

SettingApply text(QString OidcSettings::*field, bool required)
{
    return [=](Config& config, const QString& value) {
        config.oidc.*field = value.trimmed();
        return !required || !(config.oidc.*field).isEmpty();
    };
}

bool applyIssuer(Config& config, const QString& value)
{
    const QString issuer = value.trimmed();
    config.oidc.issuer = issuer;
    return issuer.isEmpty() || OidcSettings::isAcceptableIssuer(QUrl(issuer, QUrl::StrictMode));
}

bool applyRedirectUri(Config& config, const QString& value)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    config.oidc.redirectUri = value.trimmed();
    return value.trimmed().isEmpty()
        || (url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") && !url.host().isEmpty()
            && !url.hasFragment());
}

bool applyScopes(Config& config, const QString& value)
{
    const QStringList scopes = value.simplified().split(u' ', Qt::SkipEmptyParts);
    config.oidc.scopes = scopes.join(u' ');
    return scopes.contains(u"openid"_s); // without it the provider sends no ID token
}

bool applyDefaultRole(Config& config, const QString& value)
{
    const QString role = value.trimmed();
    config.oidc.defaultRole = role;
    return role == u"admin" || role == u"operator" || role == u"viewer";
}

bool applyLinkVerifiedEmail(Config& config, const QString& value)
{
    const std::optional<bool> flag = parseSettingFlag(value);
    config.oidc.linkVerifiedEmail = flag.value_or(false);
    return flag.has_value();
}

} // namespace

std::vector<Setting> oidcSettings()
{
    return {
        {"oidc_issuer",
         {u"GATEHOUSE_OIDC_ISSUER"_s},
         QT_TRANSLATE_NOOP("Settings", "OpenID provider's issuer URL (https, or http on loopback); empty = off"),
         applyIssuer},
        {"oidc_client_id",
         {u"GATEHOUSE_OIDC_CLIENT_ID"_s},
         QT_TRANSLATE_NOOP("Settings", "client id at the OpenID provider"),
         text(&OidcSettings::clientId, true)},
        {"oidc_client_secret_file",
         {u"GATEHOUSE_OIDC_CLIENT_SECRET_FILE"_s},
         QT_TRANSLATE_NOOP("Settings", "file holding the client secret (or GATEHOUSE_OIDC_CLIENT_SECRET)"),
         [](Config& config, const QString& value) {
             config.oidcClientSecretFile = value.trimmed();
             return !config.oidcClientSecretFile.isEmpty();
         }},
        {"oidc_redirect_uri",
         {u"GATEHOUSE_OIDC_REDIRECT_URI"_s},
         QT_TRANSLATE_NOOP("Settings", "redirect URI registered at the provider (default <URL>/auth/openid/callback)"),
         applyRedirectUri},
        {"oidc_scopes",
         {u"GATEHOUSE_OIDC_SCOPES"_s},
         QT_TRANSLATE_NOOP("Settings", "scopes asked for (openid profile email)"),
         applyScopes},
        {"oidc_default_role",
         {u"GATEHOUSE_OIDC_DEFAULT_ROLE"_s},
         QT_TRANSLATE_NOOP("Settings", "role of an account a first OpenID login creates (viewer)"),
         applyDefaultRole},
        {"oidc_link_verified_email",
         {u"GATEHOUSE_OIDC_LINK_VERIFIED_EMAIL"_s},
         QT_TRANSLATE_NOOP("Settings", "link a first OpenID login to the account named by its verified email (false)"),
         applyLinkVerifiedEmail},
    };
}

bool completeOidc(const QProcessEnvironment& environment, Config& config, QString* error)
{
    if (!config.oidc.enabled())
        return true;
    // Like SECRET_KEY: from the environment or a file, never from gatehouse.conf itself.
    config.oidc.clientSecret = environment.value(QStringLiteral("GATEHOUSE_OIDC_CLIENT_SECRET")).toUtf8();
    if (config.oidc.clientSecret.isEmpty() && !config.oidcClientSecretFile.isEmpty()) {
        QFile file(config.oidcClientSecretFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the OpenID client secret file %1: %2")
                         .arg(config.oidcClientSecretFile, file.errorString());
            return false;
        }
        config.oidc.clientSecret = file.readLine(4096).trimmed();
    }
    // The secret may also be one `gatehoused oidc set-secret` sealed into the database: the
    // server looks for it when it starts.
    if (config.oidc.clientId.isEmpty()) {
        *error = QStringLiteral("oidc_issuer is set: oidc_client_id is needed too");
        return false;
    }
    return true;
}
