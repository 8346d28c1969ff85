#pragma once

#include "rawclient.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <vector>

// Many requests at once, for the race tests (plain HTTP): each on its own connection (all
// connected first, then written back to back, so the server reads them while the first
// are still being answered), or pipelined on one connection (the server reads them in that
// order, all before it answers the first). Answers come back in request order; a request
// that got no answer has status 0.
namespace RequestBurst {

std::vector<RawResponse> overConnections(const QString& host, quint16 port, const QList<QByteArray>& requests,
                                         int timeoutMs = 60'000);
std::vector<RawResponse> pipelined(const QString& host, quint16 port, const QList<QByteArray>& requests,
                                   int timeoutMs = 60'000);
// How many answers had each status.
QMap<int, int> statusCounts(const std::vector<RawResponse>& responses);
// "401 x5, 429 x25", for failure messages.
QString describe(const std::vector<RawResponse>& responses);

} // namespace RequestBurst
