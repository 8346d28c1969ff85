#pragma once

#include "server/panel/panelvalues.h"
#include "valuetablemodel.h"

#include <QDeadlineTimer>

// One locked address and when its lockout ends, counted down on this machine's clock.
struct LockoutRow
{
    QString ip;
    QDeadlineTimer until;
};

// The active lockouts with their time left. The page calls tick() every second; the server's
// own list replaces this one whenever it is fetched again.
class LockoutModel : public ValueTableModel<LockoutRow>
{
    Q_OBJECT

public:
    enum Column {
        Address,
        TimeLeft
    };

    explicit LockoutModel(QObject* parent = nullptr);

    void setLockouts(const QList<LockoutInfo>& lockouts);
    void lock(const LockoutInfo& lockout);
    void unlock(const QString& ip);
    void tick(); // drops finished lockouts, updates the time left
};
