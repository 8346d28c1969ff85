#include "http/sessionanswers.h"

#include "values/isotime.h"

#include <QJsonDocument>
#include <QJsonObject>

QByteArray SessionAnswers::bodyFor(const Principal& principal)
{
    if (principal.sessionId.isEmpty())
        return build(principal); // Basic, an API token: no session to key it on
    const auto it = m_entries.constFind(principal.sessionId);
    if (it != m_entries.cend() && it->username == principal.username && it->createdMs == principal.sessionCreatedMs
        && it->expiresMs == principal.sessionExpiresMs)
        return it->body;
    if (m_entries.size() >= MaxEntries)
        m_entries.clear();
    Entry entry{principal.username, principal.sessionCreatedMs, principal.sessionExpiresMs, build(principal)};
    return m_entries.insert(principal.sessionId, std::move(entry))->body;
}

QByteArray SessionAnswers::build(const Principal& principal)
{
    const bool hasSession = !principal.sessionId.isEmpty();
    const QJsonObject body{
        {QStringLiteral("user"), principal.username},
        {QStringLiteral("created_at"), hasSession ? QJsonValue(isoUtc(principal.sessionCreatedMs)) : QJsonValue()},
        {QStringLiteral("expires_at"), hasSession ? QJsonValue(isoUtc(principal.sessionExpiresMs)) : QJsonValue()}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
