#pragma once

#include "http/chunkedbody.h"
#include "http/connectioncontext.h"
#include "http/httpsyntax.h"
#include "http/requestcapture.h"
#include "http/requestframing.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <utility>
#include <vector>

// Reads one connection's requests for the guard: the only parser of plain HTTP requests
// (RequestCapture takes what the handlers read as it goes), and of an upgrade request the
// first of two, QHttpServer 6.4 reading it after. It refuses every request outside a
// canonical subset of HTTP/1.1 that QHttpServer 6.4 parses exactly as the framer does ("one
// framing truth", docs/DESIGN-NOTES.md; the fuzz harness tests/fuzz/framingdiff.cpp holds the
// two parsers against each other): a proxy in front parses too, and the subset is what
// every parser reads alike. It also enforces the connection's limits: request line and header block size,
// field count and field line size (QHttpServer 6.4 drops every header of a request past 100
// fields or one line over 8 KiB, Content-Length included), body size, pipelined requests.
// Each complete request's framing goes to the FramingSink, the request to takeRequests().
// A WebSocket upgrade is decided here, before QHttpServer 6.4 (which hands any upgrade to
// its QWebSocketServer ahead of routing) reads it: only a bodiless HTTP/1.1 GET with one
// `Upgrade: websocket` that the UpgradeHook accepts, and that no unanswered request precedes,
// goes through; the connection then stops being HTTP (isUpgraded()).
// Framing stops at the first refusal, after the connection's last request, or after an
// accepted upgrade.
class RequestFramer
{
public:
    // `sink` and `upgradeHook` (empty: every upgrade refused) must outlive the framer.
    RequestFramer(const ConnectionLimits& limits, FramingSink& sink, const UpgradeHook& upgradeHook);
    RequestFramer(const RequestFramer&) = delete;
    RequestFramer& operator=(const RequestFramer&) = delete;

    // Frames newly arrived bytes, each byte exactly once.
    void feed(const char* data, qint64 length);
    // The requests framed whole since the last call, in order (an accepted upgrade is not one).
    std::vector<HttpRequest> takeRequests() { return std::exchange(m_requests, {}); }
    void refuse(int status, const char* reason); // the first refusal wins
    void stop() { m_stopped = true; }            // frame nothing more, without an error

    bool isStopped() const { return m_stopped; }
    int errorStatus() const { return m_errorStatus; } // 0 when stopped without an error
    const char* errorReason() const { return m_errorReason; }
    bool isUpgraded() const { return m_upgraded; } // an accepted upgrade: no HTTP from here on
    bool inRequest() const { return m_inMessage; }
    qint64 requestStartMs() const { return m_requestStart; }
    QString targetPath() const; // of the request being framed ("" before its request line)
    // Once per request: its head asked for "100 Continue" before it sends its body.
    bool takeContinue() { return std::exchange(m_continueWanted, false); }

    // The request framed last, as the sink finds it in addFramed() (the fuzz harnesses).
    QByteArrayView method() const { return m_method; }
    const QByteArray& target() const { return m_target; }
    const QByteArray& host() const { return m_host; }
    int fieldCount() const { return m_fields; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    qint64 requestEnd() const { return m_requestEnd; } // stream offset just past its last byte

private:
    enum class State {
        Idle,
        IdleLf,
        Head,
        Body,
        Chunked
    };
    // Fields a request may carry at most once.
    enum Singleton : unsigned {
        Host = 1,
        Origin = 2,
        Upgrade = 4,
        ContentLength = 8,
        TransferEncoding = 16,
        Authorization = 32
    };

    qint64 offsetOf(const char* at) const { return m_streamOffset + (at - m_feedStart); }
    const char* idle(const char* at, const char* end);
    const char* head(const char* at, const char* end);
    const char* body(const char* at, const char* end);
    const char* chunked(const char* at, const char* end);
    void beginRequest(const char* at);
    bool methodPlausible(QByteArrayView piece) const;
    void refuseOversizeLine(QByteArrayView partial, bool blockTooLarge);
    void noteRequestLine(QByteArrayView line);
    void requestLine(QByteArrayView line);
    void fieldLine(QByteArrayView line);
    void field(QByteArrayView name, QByteArrayView value);
    bool once(Singleton field);
    void headEnd(const char* next);
    int upgradeStatus() const;
    void complete(const char* next);

    const ConnectionLimits& m_limits;
    FramingSink& m_sink;
    const UpgradeHook& m_upgradeHook;
    State m_state = State::Idle;
    bool m_stopped = false;
    bool m_upgraded = false;
    int m_errorStatus = 0;
    const char* m_errorReason = "";

    qint64 m_streamOffset = 0; // bytes framed before the current feed()
    const char* m_feedStart = nullptr;
    QByteArray m_line; // a head line split across reads, so far (empty on the usual path)

    // The request being framed
    bool m_inMessage = false;
    bool m_inRequestLine = false;
    bool m_http10 = false;
    bool m_keepAlive = true;
    httpsyntax::ConnectionOptions m_connection;
    bool m_upgradeAccepted = false;
    bool m_expectContinue = false; // Expect: 100-continue
    bool m_continueWanted = false;
    unsigned m_seen = 0; // Singleton bits
    int m_fields = 0;
    qint64 m_requestStart = 0; // monotonic ms
    qint64 m_messageStart = 0;
    qint64 m_requestEnd = 0;
    qint64 m_contentLength = 0;
    qint64 m_remaining = 0; // of a Content-Length body
    qint64 m_bodyBytes = 0;
    ChunkedBody m_chunked;
    QByteArrayView m_method; // static storage (httpsyntax::knownMethod)
    // Kept in buffers reused from request to request: no allocation on the usual path.
    QByteArray m_target;
    QByteArray m_host;
    QByteArray m_origin;
    QByteArray m_upgradeValue;
    RequestCapture m_capture;
    std::vector<HttpRequest> m_requests;
};
