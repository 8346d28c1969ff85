#include "http/responsequeue.h"

#include "core/metrics.h"
#include "http/connectionguard.h"
#include "http/dialect.h"
#include "http/httplog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 303:
        return QByteArrayLiteral("See Other");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 426:
        return QByteArrayLiteral("Upgrade Required");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

// A CR or LF in a header would let a value smuggle further headers into the response.
bool isSafeHeaderText(const QByteArray& text)
{
    return !text.contains('\r') && !text.contains('\n');
}

// Headers the transport owns; a handler setting them would corrupt the framing.
bool isTransportHeader(const QByteArray& name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0
        || name.compare("connection", Qt::CaseInsensitive) == 0
        || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
}

} // namespace

ResponseQueue::ResponseQueue(ConnectionGuard* guard, std::shared_ptr<const ConnectionContext> context)
    : m_guard(guard), m_context(std::move(context)), m_idleSince(monotonicMs())
{}

void ResponseQueue::addFramed(RequestFraming framing)
{
    if (Slot* slot = slotAt(m_framed))
        slot->framing = framing;
    ++m_framed;
}

quint64 ResponseQueue::reserve(const QString& path)
{
    if (Slot* slot = slotAt(m_reserved))
        slot->path = path;
    return m_reserved++;
}

void ResponseQueue::closeAfterLastFramed()
{
    if (m_framed > m_written) {
        if (Slot* slot = slotAt(m_framed - 1))
            slot->framing.closeAfter = true;
    }
}

quint64 ResponseQueue::outstanding() const
{
    return m_closed ? 0 : std::max(m_framed, m_reserved) - m_written;
}

bool ResponseQueue::isClientGone() const
{
    return m_closed || !m_guard || m_guard->socket()->state() != QAbstractSocket::ConnectedState;
}

ResponseQueue::Slot* ResponseQueue::slotAt(quint64 index)
{
    if (m_closed || index < m_written)
        return nullptr;
    const quint64 position = index - m_written;
    if (position >= m_slots.size())
        m_slots.resize(position + 1);
    return &m_slots[position];
}

void ResponseQueue::send(quint64 slot, int status, const QByteArray& body, const QByteArray& contentType,
                         const HeaderList& extraHeaders)
{
    Slot* target = slotAt(slot);
    if (!target || target->answered)
        return; // the connection is closing or gone: dropped quietly
    target->response = format(*target, status, body, contentType, extraHeaders);
    target->answered = true;
    if (m_context->metrics)
        m_context->metrics->request(int(dialectForPath(target->path)), status,
                                    monotonicUs() - target->framing.framedAtUs);
    if (slot == m_written)
        flush();
}

void ResponseQueue::sendError(quint64 slot, int status, const QString& message)
{
    Slot* target = slotAt(slot);
    if (!target)
        return;
    const QByteArray body = m_context->renderError
        ? m_context->renderError(target->path, status, message)
        : QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact);
    send(slot, status, body, QByteArrayLiteral("application/json"), {});
}

QByteArray ResponseQueue::format(const Slot& slot, int status, const QByteArray& body, const QByteArray& contentType,
                                 const HeaderList& extraHeaders) const
{
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304;
    QByteArray out;
    out.reserve(192 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (bodyAllowed) {
        if (!contentType.isEmpty() && isSafeHeaderText(contentType))
            out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    if (m_context->tls)
        out += "Strict-Transport-Security: max-age=31536000\r\n";
    if (slot.framing.closeAfter)
        out += "Connection: close\r\n";
    else if (slot.framing.http10)
        out += "Connection: keep-alive\r\n";
    for (const auto& [name, value] : extraHeaders) {
        if (name.isEmpty() || !isSafeHeaderText(name) || !isSafeHeaderText(value) || isTransportHeader(name)) {
            qCWarning(lcHttp) << "dropping an unsafe response header" << name.left(64);
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    out += "\r\n";
    if (bodyAllowed && !slot.framing.head)
        out += body;
    return out;
}

void ResponseQueue::flush()
{
    QTcpSocket* socket = m_guard ? m_guard->socket() : nullptr;
    while (!m_slots.empty() && m_slots.front().answered) {
        const Slot slot = std::move(m_slots.front());
        m_slots.pop_front();
        ++m_written;
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            socket->write(slot.response);
        if (slot.framing.closeAfter) {
            m_closed = true;
            m_slots.clear();
            if (m_guard)
                m_guard->closeAfterResponse();
            return;
        }
    }
    if (outstanding() == 0)
        m_idleSince = monotonicMs();
}
