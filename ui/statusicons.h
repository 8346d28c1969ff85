#pragma once

#include "server/panel/panelvalues.h"

#include <QIcon>

// The panel's status, as an icon (the application icon with a shield painted in code in its
// corner, in a traffic-light colour) and a sentence: serving and protected (green), serving
// without a password (amber), a login attack in progress (red), not serving (grey).
namespace StatusIcons {

enum class State {
    Protected,
    AuthOff,
    UnderAttack,
    Stopped
};

State stateOf(const ServerStatus& status);
QIcon icon(State state);
QString describe(State state);

} // namespace StatusIcons
