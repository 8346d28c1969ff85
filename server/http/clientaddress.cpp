#include "http/clientaddress.h"

namespace {

QHostAddress unmapped(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

bool isTrusted(const QHostAddress& address, const SubnetList& trustedProxies)
{
    for (const auto& subnet : trustedProxies) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

} // namespace

QString clientAddress(const HttpRequest& request, const SubnetList& trustedProxies)
{
    const QHostAddress peer = unmapped(request.peer);
    if (trustedProxies.isEmpty() || request.forwardedFor.isEmpty() || !isTrusted(peer, trustedProxies))
        return peer.toString();
    const QList<QByteArray> hops = request.forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break; // garbage: stop believing the header here
        if (!isTrusted(unmapped(hop), trustedProxies))
            return unmapped(hop).toString();
    }
    return peer.toString();
}
