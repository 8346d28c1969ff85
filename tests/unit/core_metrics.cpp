// The counters behind GET /metrics and their text: what is counted where, the histogram's
// cumulative buckets, statuses out of range, and a format Prometheus reads (promtool's full
// check runs in integration_metrics_prometheus).
#include "core/metrics.h"

#include <QTest>

#include <thread>
#include <vector>

class CoreMetricsTest : public QObject
{
    Q_OBJECT

private slots:
    void requestsByDialectAndStatus();
    void latencyHistogramIsCumulative();
    void authenticationsAndGauges();
    void countsFromManyThreadsAreExact();
};

void CoreMetricsTest::requestsByDialectAndStatus()
{
    Metrics metrics;
    metrics.request(0, 200, 50);
    metrics.request(0, 200, 50);
    metrics.request(3, 403, 50);
    metrics.request(9, 200, 50);  // no dialect's prefix
    metrics.request(1, 1000, 50); // a status no client could see: counted, as 0
    const QByteArray text = metrics.render({});
    QVERIFY(text.contains("gatehouse_http_requests_total{dialect=\"flex\",status=\"200\"} 2\n"));
    QVERIFY(text.contains("gatehouse_http_requests_total{dialect=\"forward_auth\",status=\"403\"} 1\n"));
    QVERIFY(text.contains("gatehouse_http_requests_total{dialect=\"none\",status=\"200\"} 1\n"));
    QVERIFY(text.contains("gatehouse_http_requests_total{dialect=\"rest\",status=\"0\"} 1\n"));
    QVERIFY(!text.contains("status=\"404\"")); // a series appears with its first answer
}

void CoreMetricsTest::latencyHistogramIsCumulative()
{
    Metrics metrics;
    metrics.request(1, 200, 80);        // <= 100 µs
    metrics.request(1, 200, 100);       // on the bound: counted in it
    metrics.request(1, 200, 3'000);     // <= 5 ms
    metrics.request(1, 200, 2'000'000); // beyond 1 s
    const QByteArray text = metrics.render({});
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_bucket{le=\"0.0001\"} 2\n"));
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_bucket{le=\"0.0025\"} 2\n"));
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_bucket{le=\"0.005\"} 3\n"));
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_bucket{le=\"1\"} 3\n"));
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_bucket{le=\"+Inf\"} 4\n"));
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_count 4\n"));
    QVERIFY(text.contains("gatehouse_http_request_duration_seconds_sum 2.003180\n"));
}

void CoreMetricsTest::authenticationsAndGauges()
{
    Metrics metrics;
    metrics.authentication(Metrics::Method::ApiToken, Metrics::Outcome::Success);
    metrics.authentication(Metrics::Method::Password, Metrics::Outcome::Refused);
    metrics.lockout();
    metrics.tlsHandshakeFailure();
    Metrics::Snapshot snapshot;
    snapshot.liveSessions = 7;
    snapshot.hashJobs = 3;
    snapshot.hashWaitSumUs = 1'500;
    const QByteArray text = metrics.render(snapshot);
    QVERIFY(text.contains("gatehouse_authentications_total{method=\"api_token\",outcome=\"success\"} 1\n"));
    QVERIFY(text.contains("gatehouse_authentications_total{method=\"password\",outcome=\"refused\"} 1\n"));
    QVERIFY(text.contains("gatehouse_authentications_total{method=\"bearer\",outcome=\"failure\"} 0\n"));
    QVERIFY(text.contains("gatehouse_lockouts_total 1\n"));
    QVERIFY(text.contains("gatehouse_tls_handshake_failures_total 1\n"));
    QVERIFY(text.contains("gatehouse_live_sessions 7\n"));
    QVERIFY(text.contains("gatehouse_hash_wait_seconds_sum 0.001500\ngatehouse_hash_wait_seconds_count 3\n"));
    // Every family is announced once, HELP before TYPE before its samples.
    QCOMPARE(text.count("# TYPE gatehouse_live_sessions gauge\n"), 1);
    QVERIFY(text.indexOf("# HELP gatehouse_live_sessions") < text.indexOf("# TYPE gatehouse_live_sessions"));
    QVERIFY(text.endsWith('\n'));
}

void CoreMetricsTest::countsFromManyThreadsAreExact()
{
    Metrics metrics;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&metrics] {
            for (int i = 0; i < 10'000; ++i)
                metrics.request(2, 200, 10);
        });
    for (std::thread& thread : threads)
        thread.join();
    QVERIFY(metrics.render({}).contains("gatehouse_http_requests_total{dialect=\"manager\",status=\"200\"} 40000\n"));
}

QTEST_GUILESS_MAIN(CoreMetricsTest)
#include "core_metrics.moc"
