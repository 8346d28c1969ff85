#include "core/metrics.h"

namespace {

constexpr const char* DialectNames[] = {"flex", "rest", "manager", "forward_auth", "none"};
constexpr const char* MethodNames[] = {"bearer", "basic", "api_token", "password", "oidc"};
constexpr const char* OutcomeNames[] = {"success", "failure", "refused", "unavailable"};

quint64 read(const std::atomic<quint64>& counter)
{
    return counter.load(std::memory_order_relaxed);
}

// Seconds from microseconds, as Prometheus wants them: "0.00025", never an exponent.
QByteArray seconds(quint64 us)
{
    return QByteArray::number(double(us) / 1e6, 'f', 6);
}

class Text
{
public:
    void family(const char* name, const char* type, const char* help)
    {
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }
    void sample(const char* name, const QByteArray& labels, const QByteArray& value)
    {
        m_out += name;
        if (!labels.isEmpty()) {
            m_out += '{';
            m_out += labels;
            m_out += '}';
        }
        m_out += ' ';
        m_out += value;
        m_out += '\n';
    }
    void sample(const char* name, const QByteArray& labels, quint64 value)
    {
        sample(name, labels, QByteArray::number(value));
    }
    const QByteArray& text() const { return m_out; }

private:
    QByteArray m_out;
};

QByteArray label(const char* name, const QByteArray& value)
{
    QByteArray text(name);
    text += "=\"";
    text += value;
    text += '"';
    return text;
}

QByteArray labels(const QByteArray& first, const QByteArray& second)
{
    QByteArray text = first;
    text += ',';
    text += second;
    return text;
}

} // namespace

void Metrics::request(int dialect, int status, qint64 elapsedUs)
{
    const int row = dialect >= 0 && dialect < Dialects ? dialect : Dialects;
    const int column = status >= 100 && status < Statuses ? status : 0;
    m_requests[row][column].fetch_add(1, std::memory_order_relaxed);
    std::size_t bucket = 0;
    while (bucket < LatencyBucketsUs.size() && elapsedUs > LatencyBucketsUs[bucket])
        ++bucket;
    m_latencyBuckets[bucket].fetch_add(1, std::memory_order_relaxed);
    m_latencySumUs.fetch_add(quint64(qMax<qint64>(elapsedUs, 0)), std::memory_order_relaxed);
}

void Metrics::authentication(Method method, Outcome outcome)
{
    m_authentications[int(method)][int(outcome)].fetch_add(1, std::memory_order_relaxed);
}

QByteArray Metrics::render(const Snapshot& snapshot) const
{
    Text out;
    out.family("gatehouse_http_requests_total", "counter", "Requests answered, by dialect and status.");
    for (int dialect = 0; dialect <= Dialects; ++dialect) {
        for (int status = 0; status < Statuses; ++status) {
            const quint64 count = read(m_requests[dialect][status]);
            if (count == 0)
                continue; // a series appears with its first request
            out.sample("gatehouse_http_requests_total",
                       labels(label("dialect", DialectNames[dialect]), label("status", QByteArray::number(status))),
                       count);
        }
    }

    out.family("gatehouse_http_request_duration_seconds", "histogram",
               "Time from a request's last byte to its answer.");
    quint64 cumulative = 0;
    for (std::size_t i = 0; i < m_latencyBuckets.size(); ++i) {
        cumulative += read(m_latencyBuckets[i]);
        const QByteArray bound =
            i < LatencyBucketsUs.size() ? QByteArray::number(double(LatencyBucketsUs[i]) / 1e6, 'g', 6) : "+Inf";
        out.sample("gatehouse_http_request_duration_seconds_bucket", label("le", bound), cumulative);
    }
    out.sample("gatehouse_http_request_duration_seconds_sum", {}, seconds(read(m_latencySumUs)));
    out.sample("gatehouse_http_request_duration_seconds_count", {}, cumulative);

    out.family("gatehouse_authentications_total", "counter",
               "Credentials checked, by method and outcome (refused: locked out or throttled; unavailable: "
               "storage could not answer).");
    for (int method = 0; method < int(Method::Count); ++method) {
        for (int outcome = 0; outcome < int(Outcome::Count); ++outcome)
            out.sample("gatehouse_authentications_total",
                       labels(label("method", MethodNames[method]), label("outcome", OutcomeNames[outcome])),
                       read(m_authentications[method][outcome]));
    }

    out.family("gatehouse_lockouts_total", "counter", "Client addresses locked after too many failures.");
    out.sample("gatehouse_lockouts_total", {}, read(m_lockouts));
    out.family("gatehouse_tls_handshake_failures_total", "counter", "TLS handshakes that failed or timed out.");
    out.sample("gatehouse_tls_handshake_failures_total", {}, read(m_handshakeFailures));

    const struct
    {
        const char* name;
        const char* help;
        qint64 value;
    } gauges[] = {
        {"gatehouse_locked_addresses", "Client addresses locked out now.", snapshot.lockedAddresses},
        {"gatehouse_live_sessions", "Sessions neither ended nor expired.", snapshot.liveSessions},
        {"gatehouse_api_tokens", "API tokens not revoked (expired ones included).", snapshot.apiTokens},
        {"gatehouse_hash_queue_depth", "Password hashes waiting or running.", snapshot.hashQueueDepth},
        {"gatehouse_hash_queue_capacity", "Password hashes that may wait or run before 503 busy.",
         snapshot.hashQueueCapacity},
    };
    for (const auto& gauge : gauges) {
        out.family(gauge.name, "gauge", gauge.help);
        out.sample(gauge.name, {}, quint64(qMax<qint64>(gauge.value, 0)));
    }
    out.family("gatehouse_hash_wait_seconds", "summary", "Time password hashes waited for a thread.");
    out.sample("gatehouse_hash_wait_seconds_sum", {}, seconds(snapshot.hashWaitSumUs));
    out.sample("gatehouse_hash_wait_seconds_count", {}, snapshot.hashJobs);
    return out.text();
}
