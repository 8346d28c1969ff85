#pragma once

#include "server/panel/panelvalues.h"
#include "valuetablemodel.h"

// The API tokens that are not revoked (expired ones included), newest first. Never holds
// a secret: only the hint that lets a person recognise one.
class TokenModel : public ValueTableModel<ApiTokenInfo>
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Hint,
        Permissions,
        Created,
        Expires,
        LastUsed
    };

    explicit TokenModel(QObject* parent = nullptr);

    void upsert(const ApiTokenInfo& token);
    void removeIds(const QList<qint64>& ids);
};
