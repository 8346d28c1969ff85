#pragma once

#include "server/panel/panelvalues.h"
#include "valuetablemodel.h"

// Which account logs in as which user of which OpenID provider, oldest link first.
class OidcLinkModel : public ValueTableModel<OidcLinkInfo>
{
    Q_OBJECT

public:
    enum Column {
        Username,
        Issuer,
        Subject,
        LinkedAt
    };

    explicit OidcLinkModel(QObject* parent = nullptr);
};
