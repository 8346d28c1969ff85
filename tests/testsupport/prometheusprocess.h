#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <optional>

// Debian's Prometheus (2.42, /usr/bin/prometheus) as a child process on a free port of
// 127.0.0.1, scraping one target every second with the scrape configuration given, its data
// in a temporary directory removed with this object. Used to show that what GET /metrics
// writes is what a real Prometheus reads.
class PrometheusProcess
{
public:
    PrometheusProcess() = default;
    ~PrometheusProcess(); // stops a process still running

    static bool isAvailable();
    // Starts it with `scrapeConfig` (YAML lines of one `scrape_configs` entry, indented as a
    // list item) and waits until it answers /-/ready.
    bool start(const QString& scrapeConfig, int timeoutMs = 30'000);
    bool stop();
    QString startError() const { return m_startError; }
    QString directory() const { return m_dir.path(); }

    // The value of the first series an instant query returns; nullopt when there is none (yet)
    // or Prometheus did not answer.
    std::optional<double> query(const QString& promql) const;
    // Prometheus's answer to an instant query ({} if it did not answer): "status" is "error"
    // with an "error" text for a query it cannot parse.
    QJsonObject answer(const QString& promql) const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_startError;
};
