#include "http/meanswers.h"

AccountRecord MeAnswers::shownOf(const AccountRecord& account)
{
    AccountRecord shown = account;
    shown.passwordHash.clear(); // never shown, and no reason to keep a copy
    return shown;
}

bool MeAnswers::sameShown(const AccountRecord& kept, const AccountRecord& now)
{
    return kept.id == now.id && kept.username == now.username && kept.firstname == now.firstname
        && kept.lastname == now.lastname && kept.role == now.role && kept.disabled == now.disabled
        && kept.createdAtMs == now.createdAtMs && kept.updatedAtMs == now.updatedAtMs;
}
