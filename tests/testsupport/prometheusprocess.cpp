#include "prometheusprocess.h"

#include "childprocess.h"
#include "httpclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

namespace {
const QString Binary = QStringLiteral("/usr/bin/prometheus");
}

PrometheusProcess::~PrometheusProcess()
{
    stop();
}

bool PrometheusProcess::isAvailable()
{
    return QFileInfo(Binary).isExecutable();
}

bool PrometheusProcess::start(const QString& scrapeConfig, int timeoutMs)
{
    QTcpServer probe; // a free port, released just before Prometheus binds it
    if (!m_dir.isValid() || !probe.listen(QHostAddress::LocalHost)) {
        m_startError = QStringLiteral("no temporary directory or free port");
        return false;
    }
    m_port = probe.serverPort();
    probe.close();
    QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
    if (!config.open(QIODevice::WriteOnly)) {
        m_startError = config.errorString();
        return false;
    }
    config.write("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n");
    config.write(scrapeConfig.toUtf8());
    config.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("prometheus.log")));
    m_process.start(Binary,
                    {QStringLiteral("--config.file=") + config.fileName(),
                     QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                     QStringLiteral("--log.level=warn")});
    HttpClient http;
    http.setTimeoutMs(1000);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        if (http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(m_port))).status == 200)
            return true;
        QTest::qWait(100);
    }
    QFile log(m_dir.filePath(QStringLiteral("prometheus.log")));
    log.open(QIODevice::ReadOnly);
    m_startError = QStringLiteral("Prometheus did not become ready: ") + QString::fromUtf8(log.readAll().right(1500));
    stop();
    return false;
}

bool PrometheusProcess::stop()
{
    return stopChildProcess(m_process, 10'000);
}

QJsonObject PrometheusProcess::answer(const QString& promql) const
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query").arg(m_port));
    url.setQuery(QStringLiteral("query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql)), QUrl::StrictMode);
    HttpClient http;
    return http.get(url).object();
}

std::optional<double> PrometheusProcess::query(const QString& promql) const
{
    const QJsonObject response = answer(promql);
    const QJsonArray result =
        response.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
    if (response.value(QStringLiteral("status")).toString() != QLatin1String("success") || result.isEmpty())
        return std::nullopt;
    // [timestamp, "value"]
    return result.first().toObject().value(QStringLiteral("value")).toArray().at(1).toString().toDouble();
}
