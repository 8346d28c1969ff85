#pragma once

#include <QByteArrayView>

// systemd's readiness protocol (sd_notify(3)) without linking libsystemd: when the service
// manager set $NOTIFY_SOCKET (Type=notify), one datagram per state change goes to that
// AF_UNIX socket ("READY=1" once serving, "STOPPING=1" when a stop begins). Elsewhere it
// does nothing, so gatehoused runs the same under any supervisor or none.
namespace ServiceNotifier {

// False when $NOTIFY_SOCKET is set but the message could not be delivered.
bool notify(QByteArrayView state);

} // namespace ServiceNotifier
