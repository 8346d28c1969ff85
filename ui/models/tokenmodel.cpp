#include "tokenmodel.h"

#include "ui/timeformat.h"

TokenModel::TokenModel(QObject* parent)
    : ValueTableModel<ApiTokenInfo>(
        {
            {tr("Name"), [](const ApiTokenInfo& t) { return t.name; }},
            {tr("Token"), [](const ApiTokenInfo& t) { return t.hint; }},
            {tr("Permissions"), [](const ApiTokenInfo& t) { return t.permissions.join(QStringLiteral(", ")); }},
            {tr("Created"), [](const ApiTokenInfo& t) { return TimeFormat::dateTime(t.createdAtMs); }},
            {tr("Expires"), [](const ApiTokenInfo& t) { return TimeFormat::dateTimeOrNever(t.expiresAtMs); }},
            {tr("Last use"),
             [](const ApiTokenInfo& t) {
                 if (t.lastUsedAtMs == 0)
                     return tr("never");
                 return tr("%1 from %2").arg(TimeFormat::dateTime(t.lastUsedAtMs), t.lastUsedIp);
             }},
        },
        parent)
{}

void TokenModel::upsert(const ApiTokenInfo& token)
{
    ValueTableModel::upsert(token, [id = token.id](const ApiTokenInfo& t) { return t.id == id; });
}

void TokenModel::removeIds(const QList<qint64>& ids)
{
    removeIf([&ids](const ApiTokenInfo& t) { return ids.contains(t.id); });
}
