#include "accountmodel.h"

#include "ui/timeformat.h"

AccountModel::AccountModel(QObject* parent)
    : ValueTableModel<AccountInfo>(
        {
            {tr("User"), [](const AccountInfo& a) { return a.username; }},
            {tr("Name"),
             [](const AccountInfo& a) {
                 return QStringList{a.firstname, a.lastname}.join(u' ').trimmed();
             }},
            {tr("Role"), [](const AccountInfo& a) { return a.role; }},
            {tr("State"),
             [](const AccountInfo& a) {
                 if (a.disabled)
                     return tr("disabled");
                 if (!a.hasPassword)
                     return a.builtinAdmin ? tr("no device password") : tr("no password");
                 return a.builtinAdmin ? tr("device password") : tr("active");
             }},
            {tr("Changed"), [](const AccountInfo& a) { return TimeFormat::dateTime(a.updatedAtMs); }},
        },
        parent)
{}
