#include "rawclient.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

namespace {

QByteArray findHeader(const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Decodes a complete chunked body starting at `from`; returns the bytes consumed, or -1
// while the body is still incomplete.
qsizetype decodeChunked(const QByteArray& buffer, qsizetype from, QByteArray* body)
{
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return -1;
        bool ok = false;
        const qsizetype size = buffer.mid(pos, lineEnd - pos).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok)
            return -1;
        pos = lineEnd + 2;
        if (size == 0) {
            const qsizetype trailerEnd = buffer.indexOf("\r\n", pos); // no trailers expected
            return trailerEnd < 0 ? -1 : trailerEnd + 2 - from;
        }
        if (buffer.size() < pos + size + 2)
            return -1;
        body->append(buffer.mid(pos, size));
        pos += size + 2;
    }
}

} // namespace

QByteArray RawResponse::header(const QByteArray& name) const
{
    return findHeader(headers, name);
}

int RawResponse::headerCount(const QByteArray& name) const
{
    int count = 0;
    for (const auto& header : headers)
        count += header.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return count;
}

RawClient::RawClient(QString host, quint16 port, bool tls, const QString& trustedCertificateFile)
    : m_host(std::move(host)), m_port(port), m_tls(tls)
{
    if (tls) {
        m_trusted = QSslCertificate::fromPath(trustedCertificateFile, QSsl::Pem);
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration config = socket->sslConfiguration();
        config.setCaCertificates(m_trusted); // the server's own certificate is the only anchor
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(config);
        m_socket = std::move(socket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
    }
}

RawClient::~RawClient()
{
    m_socket->abort();
}

void RawClient::connectAsync()
{
    if (m_tls)
        static_cast<QSslSocket*>(m_socket.get())->connectToHostEncrypted(m_host, m_port);
    else
        m_socket->connectToHost(m_host, m_port);
}

bool RawClient::waitConnected(int timeoutMs)
{
    if (m_tls)
        return static_cast<QSslSocket*>(m_socket.get())->waitForEncrypted(timeoutMs);
    return m_socket->state() == QAbstractSocket::ConnectedState || m_socket->waitForConnected(timeoutMs);
}

bool RawClient::send(const QByteArray& bytes, int timeoutMs)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState || m_socket->write(bytes) != bytes.size())
        return false;
    QElapsedTimer timer;
    timer.start();
    while (m_socket->bytesToWrite() > 0) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || !m_socket->waitForBytesWritten(int(left)))
            return m_socket->bytesToWrite() == 0;
    }
    return true;
}

bool RawClient::fillBuffer(int timeoutMs)
{
    if (m_socket->bytesAvailable() == 0 && !m_closed) {
        const bool readable =
            m_socket->state() == QAbstractSocket::ConnectedState && m_socket->waitForReadyRead(timeoutMs);
        if (!readable && m_socket->state() != QAbstractSocket::ConnectedState)
            m_closed = true;
    }
    const QByteArray data = m_socket->readAll();
    m_buffer += data;
    return !data.isEmpty();
}

std::optional<RawResponse> RawClient::readResponse(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (auto response = parseOne(m_closed))
            return response;
        const qint64 left = timeoutMs - timer.elapsed();
        if (m_closed || left <= 0)
            return std::nullopt;
        fillBuffer(int(left));
    }
}

std::optional<RawResponse> RawClient::parseOne(bool peerClosed)
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    RawResponse response;
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    response.statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = response.statusLine.split(' ');
    response.httpVersion = parts.value(0);
    response.status = parts.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    const qsizetype bodyStart = headerEnd + 4;
    qsizetype consumed = 0;
    if (response.header("Transfer-Encoding").toLower().contains("chunked")) {
        const qsizetype used = decodeChunked(m_buffer, bodyStart, &response.body);
        if (used < 0)
            return std::nullopt;
        consumed = bodyStart + used;
    } else if (response.hasContentLength()) {
        const qsizetype length = response.header("Content-Length").toLongLong();
        if (m_buffer.size() < bodyStart + length)
            return std::nullopt;
        response.body = m_buffer.mid(bodyStart, length);
        consumed = bodyStart + length;
    } else if (response.status < 200 || response.status == 204 || response.status == 304) {
        consumed = bodyStart;
    } else {
        if (!peerClosed)
            return std::nullopt; // the body runs until the server closes
        response.body = m_buffer.mid(bodyStart);
        consumed = m_buffer.size();
    }
    m_buffer.remove(0, consumed);
    return response;
}

bool RawClient::waitForClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_closed && m_socket->state() == QAbstractSocket::ConnectedState) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return false;
        fillBuffer(int(left));
    }
    m_buffer += m_socket->readAll();
    m_closed = true;
    return true;
}

bool RawClient::isOpen() const
{
    return !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawClient::abort()
{
    m_socket->abort();
    m_closed = true;
}

void RawClient::close()
{
    m_socket->disconnectFromHost();
    m_closed = true;
}

QString RawClient::errorString() const
{
    return m_socket->errorString();
}

QByteArray RawClient::request(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                              const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool namesContentType = false;
    for (const auto& [name, value] : headers) {
        out += name + ": " + value + "\r\n";
        namesContentType = namesContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !namesContentType)
        out += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}
