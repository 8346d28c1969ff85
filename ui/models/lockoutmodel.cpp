#include "lockoutmodel.h"

#include "ui/timeformat.h"

namespace {
LockoutRow rowFor(const LockoutInfo& lockout)
{
    return LockoutRow{lockout.ip, QDeadlineTimer(qint64(lockout.secondsLeft) * 1000)};
}
} // namespace

LockoutModel::LockoutModel(QObject* parent)
    : ValueTableModel<LockoutRow>(
        {
            {tr("Address"), [](const LockoutRow& r) { return r.ip; }},
            {tr("Time left"),
             [](const LockoutRow& r) { return TimeFormat::duration((r.until.remainingTime() + 999) / 1000); }},
        },
        parent)
{}

void LockoutModel::setLockouts(const QList<LockoutInfo>& lockouts)
{
    QList<LockoutRow> rows;
    for (const LockoutInfo& lockout : lockouts)
        rows.append(rowFor(lockout));
    setRows(rows);
}

void LockoutModel::lock(const LockoutInfo& lockout)
{
    upsert(rowFor(lockout), [&ip = lockout.ip](const LockoutRow& r) { return r.ip == ip; });
}

void LockoutModel::unlock(const QString& ip)
{
    removeIf([&ip](const LockoutRow& r) { return r.ip == ip; });
}

void LockoutModel::tick()
{
    removeIf([](const LockoutRow& r) { return r.until.hasExpired(); });
    refreshColumn(TimeLeft);
}
