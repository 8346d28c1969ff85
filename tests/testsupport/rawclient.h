#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>

#include <memory>
#include <optional>

class QTcpSocket;

// One response as it came off the wire.
struct RawResponse
{
    QByteArray statusLine;
    QByteArray httpVersion; // "HTTP/1.1"
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const; // case-insensitive; "" if absent
    int headerCount(const QByteArray& name) const;
    bool hasContentLength() const { return headerCount("Content-Length") > 0; }
};

// A raw socket client for the connection-guard tests: sends exact bytes, reads whole
// responses (status line, headers, a Content-Length or chunked body), and tells when the
// server closed the connection. Blocking calls with timeouts; the server runs elsewhere
// (its own thread or process), so blocking here never starves it.
class RawClient
{
public:
    // tls: connect with QSslSocket, trusting only the certificate in trustedCertificateFile.
    RawClient(QString host, quint16 port, bool tls = false, const QString& trustedCertificateFile = {});
    ~RawClient();
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    // Starts connecting without waiting (for opening many connections at once).
    void connectAsync();
    bool waitConnected(int timeoutMs = 10'000); // TCP connected and, over TLS, encrypted
    bool connectToServer(int timeoutMs = 10'000)
    {
        connectAsync();
        return waitConnected(timeoutMs);
    }

    bool send(const QByteArray& bytes, int timeoutMs = 10'000); // writes and waits until flushed
    // The next whole response, or nullopt on timeout / a close before it was complete.
    std::optional<RawResponse> readResponse(int timeoutMs = 10'000);
    // True once the peer has closed (or reset) the connection, waiting up to timeoutMs.
    bool waitForClosed(int timeoutMs = 10'000);
    bool isOpen() const;
    void abort(); // drop the connection at once (RST where the kernel sends one)
    void close();

    QString errorString() const;
    const QByteArray& buffered() const { return m_buffer; }
    QTcpSocket* socket() const { return m_socket.get(); }

    // "METHOD path HTTP/1.1" + Host + the given headers + Content-Length when a body is given.
    static QByteArray request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                              const QList<QPair<QByteArray, QByteArray>>& headers = {});

private:
    bool fillBuffer(int timeoutMs); // reads what arrives within timeoutMs; false on close/timeout
    std::optional<RawResponse> parseOne(bool peerClosed);

    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    QList<QSslCertificate> m_trusted;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};
