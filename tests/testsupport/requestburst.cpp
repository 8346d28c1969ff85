#include "requestburst.h"

#include <QStringList>

#include <memory>

namespace RequestBurst {

std::vector<RawResponse> overConnections(const QString& host, quint16 port, const QList<QByteArray>& requests,
                                         int timeoutMs)
{
    std::vector<std::unique_ptr<RawClient>> clients;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        clients.push_back(std::make_unique<RawClient>(host, port));
        clients.back()->connectAsync();
    }
    for (const auto& client : clients)
        client->waitConnected(timeoutMs);
    for (qsizetype i = 0; i < requests.size(); ++i)
        clients[size_t(i)]->send(requests[i], timeoutMs);
    std::vector<RawResponse> responses;
    for (const auto& client : clients)
        responses.push_back(client->readResponse(timeoutMs).value_or(RawResponse{}));
    return responses;
}

std::vector<RawResponse> pipelined(const QString& host, quint16 port, const QList<QByteArray>& requests, int timeoutMs)
{
    RawClient client(host, port);
    std::vector<RawResponse> responses;
    if (!client.connectToServer(timeoutMs) || !client.send(requests.join(), timeoutMs))
        return std::vector<RawResponse>(size_t(requests.size()));
    for (qsizetype i = 0; i < requests.size(); ++i)
        responses.push_back(client.readResponse(timeoutMs).value_or(RawResponse{}));
    return responses;
}

QMap<int, int> statusCounts(const std::vector<RawResponse>& responses)
{
    QMap<int, int> counts;
    for (const RawResponse& response : responses)
        ++counts[response.status];
    return counts;
}

QString describe(const std::vector<RawResponse>& responses)
{
    QStringList parts;
    const QMap<int, int> counts = statusCounts(responses);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    return parts.join(QStringLiteral(", "));
}

} // namespace RequestBurst
