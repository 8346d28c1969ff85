#pragma once

#include "http/connectioncontext.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct http_parser;
class ResponseQueue;

// Frames one connection's requests with libhttp-parser, ahead of QHttpServer 6.4, and
// refuses what QHttpServer would mishandle: a request line or header block over the cap,
// more header fields than allowed (at 101 QHttpServer drops every header, Content-Length
// included), a field line over 8 KiB or a field name with a non-token character (same
// effect), a declared or chunked body over the cap, chunked trailers, unwanted protocol
// upgrades and malformed framing. Each complete request's framing goes to the ResponseQueue.
// A WebSocket upgrade is decided here, before QHttpServer 6.4 (which hands any upgrade to
// its QWebSocketServer ahead of routing) reads it: only a bodiless GET with
// `Upgrade: websocket` that the UpgradeHook accepts, and that no unanswered request
// precedes, goes through; the connection then stops being HTTP (isUpgraded()).
// Framing stops at the first refusal, after the connection's last request, or after an
// accepted upgrade.
class RequestFramer
{
public:
    // `upgradeHook` (empty: every upgrade refused) must outlive the framer.
    RequestFramer(const ConnectionLimits& limits, ResponseQueue& queue, const UpgradeHook& upgradeHook);
    ~RequestFramer();
    RequestFramer(const RequestFramer&) = delete;
    RequestFramer& operator=(const RequestFramer&) = delete;

    // Frames newly arrived bytes (each byte exactly once).
    void feed(const char* data, qint64 length);
    void refuse(int status, const char* reason); // the first refusal wins
    void stop() { m_stopped = true; }            // frame nothing more, without an error

    bool isStopped() const { return m_stopped; }
    int errorStatus() const { return m_errorStatus; } // 0 when stopped without an error
    const char* errorReason() const { return m_errorReason; }
    bool isUpgraded() const { return m_upgraded; } // an accepted upgrade: no HTTP from here on
    bool inRequest() const { return m_inMessage; }
    qint64 requestStartMs() const { return m_requestStart; }
    QString targetPath() const; // of the request being framed ("" before its request line)

private:
    enum class Pause { None, MessageBegin, HeadersComplete, Stop };
    friend struct ParserCallbacks;

    bool handlePause(qint64 position);
    bool headTooLarge(qint64 end) const;
    int messageBegin();
    int url(qint64 position, const char* at, size_t length);
    int headerField(qint64 position, const char* at, size_t length);
    int headerValue(qint64 position, const char* at, size_t length);
    int headersComplete();
    int upgradeStatus() const;
    QByteArray* captureSlot(const QByteArray& name);
    int body(size_t length);
    int chunkHeader();
    int messageComplete();

    const ConnectionLimits& m_limits;
    ResponseQueue& m_queue;
    const UpgradeHook& m_upgradeHook;
    std::unique_ptr<http_parser> m_parser;
    bool m_stopped = false;
    bool m_upgraded = false;
    int m_errorStatus = 0;
    const char* m_errorReason = "";

    qint64 m_streamOffset = 0; // bytes framed so far; the positions below count from here
    const char* m_chunkBase = nullptr;
    qint64 m_chunkOffset = 0;
    Pause m_pause = Pause::None;

    // The request being framed
    bool m_inMessage = false;
    bool m_inHead = false;
    bool m_inField = false;
    bool m_keepAlive = true;
    int m_fields = 0;
    qint64 m_requestStart = 0; // monotonic ms
    qint64 m_messageStart = 0;
    qint64 m_fieldStart = 0;
    qint64 m_bodyStart = 0;
    qint64 m_bodyBytes = 0;
    QByteArray m_target;
    // The few header values an upgrade decision reads (first occurrence of each).
    QByteArray m_fieldName;            // of the field being read, up to 16 bytes
    QByteArray* m_capture = nullptr;   // where the current field's value goes, if anywhere
    QByteArray m_host;
    QByteArray m_origin;
    QByteArray m_upgradeValue;
    bool m_upgradeAccepted = false;
};
