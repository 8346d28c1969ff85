#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <memory>
#include <utility>
#include <vector>

using HeaderList = std::vector<std::pair<QByteArray, QByteArray>>;

class ResponseQueue;

// The only way a handler answers. A Responder is one slot in its connection's
// ResponseQueue: it may be moved into a callback and answered later (after a password
// hash), yet pipelined requests on the same connection still go out in request order.
// Every answer carries the security headers (Cache-Control: no-store, nosniff, and HSTS
// over TLS) and honours Connection: close / HTTP/1.0. If the client vanished meanwhile,
// send() drops the answer quietly. A Responder destroyed unanswered sends 500 (and logs),
// so a forgotten path can never stall a pipeline.
class Responder
{
public:
    Responder(std::shared_ptr<ResponseQueue> queue, quint64 slot);
    Responder(Responder&& other) noexcept;
    Responder& operator=(Responder&& other) noexcept;
    Responder(const Responder&) = delete;
    Responder& operator=(const Responder&) = delete;
    ~Responder();

    void send(int status, const QByteArray& body, const QByteArray& contentType, HeaderList extraHeaders = {});
    void sendJson(int status, const QJsonObject& body, HeaderList extraHeaders = {});

    bool isAnswered() const { return !m_queue; }
    bool isClientGone() const;

private:
    std::shared_ptr<ResponseQueue> m_queue;
    quint64 m_slot = 0;
};
