#include "oidclinkmodel.h"

#include "ui/timeformat.h"

OidcLinkModel::OidcLinkModel(QObject* parent)
    : ValueTableModel<OidcLinkInfo>(
        {
            {tr("User"),
             [](const OidcLinkInfo& l) {
                 return l.username.isEmpty() ? tr("(account %1, removed)").arg(l.accountId) : l.username;
             }},
            {tr("Issuer"), [](const OidcLinkInfo& l) { return l.issuer; }},
            {tr("Subject"), [](const OidcLinkInfo& l) { return l.subject; }},
            {tr("Linked"), [](const OidcLinkInfo& l) { return TimeFormat::dateTime(l.linkedAtMs); }},
        },
        parent)
{}
