#pragma once

#include "server/panel/panelvalues.h"
#include "valuetablemodel.h"

// The user accounts, the built-in admin (the device password) first.
class AccountModel : public ValueTableModel<AccountInfo>
{
    Q_OBJECT

public:
    enum Column {
        Username,
        Name,
        Role,
        State,
        Updated
    };

    explicit AccountModel(QObject* parent = nullptr);
};
