#pragma once

#include "http/connectioncontext.h"
#include "http/requestframing.h"
#include "http/responder.h"

#include <QPointer>
#include <QString>

#include <deque>
#include <memory>

class ConnectionGuard;

// One connection's answers, in request order. Slot n belongs to the n-th request on the
// connection: the guard records its framing when it has seen the whole request, and
// reserves the slot as it hands the request to its handler. Answers wait until every earlier
// slot is written, so pipelined requests are answered in order even when one of them
// waits for a password hash. After an answer whose request wants the connection closed,
// nothing more is written and the guard closes. With the socket gone, answers are dropped.
class ResponseQueue : public FramingSink
{
public:
    ResponseQueue(ConnectionGuard* guard, std::shared_ptr<const ConnectionContext> context);

    void addFramed(RequestFraming framing) override;
    quint64 reserve(const QString& path);
    // Marks the last request framed so far as the connection's last (server shutting down).
    void closeAfterLastFramed();

    quint64 framedCount() const { return m_framed; }
    quint64 reservedCount() const { return m_reserved; }
    quint64 outstanding() const override;
    qint64 idleSinceMs() const { return m_idleSince; }
    bool isClientGone() const;

    void send(quint64 slot, int status, const QByteArray& body, const QByteArray& contentType,
              const HeaderList& extraHeaders);
    void sendError(quint64 slot, int status, const QString& message);

private:
    struct Slot
    {
        RequestFraming framing;
        QString path;
        QByteArray response;
        bool answered = false;
    };

    Slot* slotAt(quint64 index);
    QByteArray format(const Slot& slot, int status, const QByteArray& body, const QByteArray& contentType,
                      const HeaderList& extraHeaders) const;
    void flush();

    QPointer<ConnectionGuard> m_guard;
    std::shared_ptr<const ConnectionContext> m_context;
    std::deque<Slot> m_slots; // m_slots.front() is slot number m_written
    quint64 m_written = 0;
    quint64 m_framed = 0;
    quint64 m_reserved = 0;
    qint64 m_idleSince = 0;
    bool m_closed = false;
};
