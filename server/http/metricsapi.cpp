#include "http/metricsapi.h"

#include "http/endpoints.h"

void MetricsApi::registerRoutes(Endpoints& endpoints, const Metrics& metrics,
                                std::function<Metrics::Snapshot()> snapshot)
{
    endpoints.addGuarded(
        HttpMethod::Get, QStringLiteral("/metrics"), QStringLiteral("system:read"),
        QStringLiteral("Prometheus metrics (public to loopback callers)"),
        [&metrics, snapshot = std::move(snapshot)](const Call&, Responder& r) {
            r.send(200, metrics.render(snapshot()), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
        },
        Access::LocalOrAuthenticated);
}
