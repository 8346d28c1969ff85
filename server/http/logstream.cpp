#include "http/logstream.h"

#include "core/auditlog.h"
#include "core/wstokens.h"
#include "http/httplog.h"
#include "values/recordjson.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QUrlQuery>

namespace {

// Over TLS bytes wait twice: as plaintext not yet encrypted, and as records not yet sent.
qint64 queuedBytes(const QTcpSocket& transport)
{
    const auto* tls = qobject_cast<const QSslSocket*>(&transport);
    return transport.bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

} // namespace

LogStream::LogStream(AuditLog& audit, WsTokens& tokens, const CredentialCheck& check, QObject* parent)
    : QObject(parent), m_tokens(tokens), m_check(check)
{
    connect(&audit, &AuditLog::recorded, this, &LogStream::broadcast);
    m_recheckTimer.setInterval(RecheckMs);
    connect(&m_recheckTimer, &QTimer::timeout, this, &LogStream::recheck);
}

const QString& LogStream::permission()
{
    static const QString logsRead = QStringLiteral("logs:read");
    return logsRead;
}

void LogStream::add(QWebSocket* socket, QTcpSocket* transport)
{
    socket->setParent(this);
    // The guard spent the ws-token when it accepted the upgrade; this is the WebSocket that
    // upgrade became, and the token in its URL says whose rights the stream follows.
    const QString token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    const auto owner = m_tokens.redeem(token);
    if (!owner || !transport || !m_check.stillAllows(*owner, permission())) {
        qCInfo(lcHttp) << "closing a log stream whose owner may not read the logs";
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not allowed to read the logs"));
        socket->deleteLater();
        return;
    }
    if (m_streams.size() >= MaxStreams) {
        qCInfo(lcHttp) << "too many log streams; closing a new one";
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("too many log streams"));
        socket->deleteLater();
        return;
    }
    // The stream only talks; a client message is read up to the cap and dropped, and one
    // over it closes the socket (CloseCodeTooMuchData), so no client can make us buffer.
    socket->setMaxAllowedIncomingFrameSize(MaxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(MaxIncomingBytes);
    // A ping's pong is queued while QWebSocket reads it, after which this slot runs (it is
    // connected after QWebSocket's). Reading a bounded chunk per turn bounds what one turn
    // can queue before the cap is looked at.
    transport->setReadBufferSize(ReadChunkBytes);
    connect(transport, &QIODevice::readyRead, this, [this, socket] { closeIfOverQueued(socket); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });
    m_streams.insert(socket, Stream{*owner, transport});
    m_recheckTimer.start();
}

void LogStream::recheck()
{
    const QList<QWebSocket*> sockets = m_streams.keys();
    for (QWebSocket* socket : sockets) {
        const GrantedPrincipal& owner = m_streams.constFind(socket)->owner;
        if (m_check.stillAllows(owner, permission()))
            continue;
        qCInfo(lcHttp).noquote() << "closing the log stream of" << owner.principal.username
                                 << "(no longer allowed to read the logs)";
        close(socket, QWebSocketProtocol::CloseCodePolicyViolated,
              QStringLiteral("no longer allowed to read the logs"));
    }
}

void LogStream::broadcast(const AuditEventRecord& event)
{
    recheck(); // the event may be the change that ends a stream: it is not sent there
    if (m_streams.isEmpty())
        return;
    const QString frame =
        QString::fromUtf8(QJsonDocument(RecordJson::auditEvent(event)).toJson(QJsonDocument::Compact));
    const QList<QWebSocket*> sockets = m_streams.keys();
    for (QWebSocket* socket : sockets) {
        if (!closeIfOverQueued(socket))
            socket->sendTextMessage(frame);
    }
}

bool LogStream::closeIfOverQueued(QWebSocket* socket)
{
    const auto it = m_streams.constFind(socket);
    if (it == m_streams.cend())
        return false; // already closed, its deletion pending
    if (it->transport && queuedBytes(*it->transport) <= MaxQueuedBytes)
        return false;
    qCInfo(lcHttp) << "closing a log stream that does not read";
    close(socket, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not reading"));
    return true;
}

// The close frame goes out if the socket can take it; deleting the socket then frees what it
// had queued at once, whether or not the client ever reads.
void LogStream::close(QWebSocket* socket, QWebSocketProtocol::CloseCode code, const QString& reason)
{
    socket->close(code, reason);
    drop(socket);
}

void LogStream::drop(QWebSocket* socket)
{
    if (!m_streams.remove(socket))
        return;
    socket->deleteLater();
    if (m_streams.isEmpty())
        m_recheckTimer.stop();
}
