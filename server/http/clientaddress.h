#pragma once

#include "http/httprequest.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

using SubnetList = QList<QPair<QHostAddress, int>>;

// The client's address as the limiter and the logs see it: the socket peer, unless the
// peer is a trusted proxy, in which case the right-most X-Forwarded-For entry that is not
// itself a trusted proxy. Anyone can write X-Forwarded-For, so believing it from an
// untrusted peer would let an attacker pick a fresh IP for every password guess.
QString clientAddress(const HttpRequest& request, const SubnetList& trustedProxies);
