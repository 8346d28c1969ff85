#include "http/responder.h"

#include "http/httplog.h"
#include "http/responsequeue.h"

#include <QJsonDocument>

Responder::Responder(std::shared_ptr<ResponseQueue> queue, quint64 slot) : m_queue(std::move(queue)), m_slot(slot)
{}

Responder::Responder(Responder&& other) noexcept : m_queue(std::move(other.m_queue)), m_slot(other.m_slot)
{}

Responder& Responder::operator=(Responder&& other) noexcept
{
    if (this != &other) {
        if (m_queue) {
            qCWarning(lcHttp) << "a Responder was overwritten unanswered; answering 500";
            m_queue->sendError(m_slot, 500, QStringLiteral("Internal server error"));
        }
        m_queue = std::move(other.m_queue);
        m_slot = other.m_slot;
    }
    return *this;
}

Responder::~Responder()
{
    // A forgotten answer must not stall the requests pipelined behind it.
    if (m_queue) {
        qCWarning(lcHttp) << "a handler dropped its Responder unanswered; answering 500";
        m_queue->sendError(m_slot, 500, QStringLiteral("Internal server error"));
    }
}

void Responder::send(int status, const QByteArray& body, const QByteArray& contentType, HeaderList extraHeaders)
{
    if (!m_queue) {
        qCWarning(lcHttp) << "a Responder answered twice; the second answer is dropped";
        return;
    }
    const std::shared_ptr<ResponseQueue> queue = std::move(m_queue);
    queue->send(m_slot, status, body, contentType, extraHeaders);
}

void Responder::sendJson(int status, const QJsonObject& body, HeaderList extraHeaders)
{
    send(status, QJsonDocument(body).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"),
         std::move(extraHeaders));
}

bool Responder::isClientGone() const
{
    return !m_queue || m_queue->isClientGone();
}
