#include "http/requestframer.h"

#include "http/httpsyntax.h"

#include <QUrl>

#include <algorithm>
#include <cstring>

using namespace httpsyntax;

namespace {

// QHttpServer 6.4 (QHttpHeaderParser) drops *every* header of a request past 100 fields or
// when one field line (name, colon, value) exceeds 8 KiB; Content-Length then vanishes and
// the body is parsed as a second request. Such requests are refused first.
constexpr int QtMaxFields = 100;
constexpr qint64 QtMaxFieldLine = 8 * 1024;
// Answers held for one connection before it must read them: bounds what a client that
// pipelines without reading can make the server buffer.
constexpr quint64 MaxPipelined = 32;

} // namespace

RequestFramer::RequestFramer(const ConnectionLimits& limits, FramingSink& sink, const UpgradeHook& upgradeHook)
    : m_limits(limits), m_sink(sink), m_upgradeHook(upgradeHook)
{}

void RequestFramer::feed(const char* data, qint64 length)
{
    m_feedStart = data;
    const char* at = data;
    const char* const end = data + length;
    while (at < end && !m_stopped) {
        switch (m_state) {
        case State::Idle:
        case State::IdleLf:
            at = idle(at, end);
            break;
        case State::Head:
            at = head(at, end);
            break;
        case State::Body:
            at = body(at, end);
            break;
        case State::Chunked:
            at = chunked(at, end);
            break;
        }
    }
    m_streamOffset += length;
}

// Empty lines before a request are skipped (RFC 9112, 2.2), by QHttpServer 6.4 too; any
// other byte starts a request.
const char* RequestFramer::idle(const char* at, const char* end)
{
    for (; at < end; ++at) {
        if (m_state == State::IdleLf) {
            if (*at != '\n') {
                refuse(400, "CR without LF");
                return end;
            }
            m_state = State::Idle;
        } else if (*at == '\r') {
            m_state = State::IdleLf;
        } else {
            beginRequest(at);
            return at;
        }
    }
    return at;
}

void RequestFramer::beginRequest(const char* at)
{
    if (m_sink.outstanding() >= MaxPipelined) {
        refuse(429, "too many pipelined requests");
        return;
    }
    m_state = State::Head;
    m_inMessage = true;
    m_inRequestLine = true;
    m_requestStart = monotonicMs();
    m_messageStart = offsetOf(at);
    m_http10 = false;
    m_connection = {};
    m_upgradeAccepted = m_expectContinue = m_continueWanted = false;
    m_seen = 0;
    m_fields = 0;
    m_contentLength = 0;
    m_bodyBytes = 0;
    m_method = {};
    m_target.resize(0);
    m_host.resize(0);
    m_origin.resize(0);
    m_upgradeValue.resize(0);
    m_capture.begin();
}

// The request line and the header fields, a line at a time, read in place; only a line split
// across reads is carried over, within the limits.
const char* RequestFramer::head(const char* at, const char* end)
{
    const auto* newline = static_cast<const char*>(std::memchr(at, '\n', size_t(end - at)));
    const char* const next = newline ? newline + 1 : end;
    const QByteArrayView piece(at, (newline ? newline : end) - at);
    // No need to wait for the line end to refuse a TLS hello, say; checked first, so that the
    // outcome does not depend on where the reads end.
    if (m_inRequestLine && !methodPlausible(piece)) {
        refuse(400, "unknown method");
        return end;
    }
    const qint64 lineSoFar = m_line.size() + (next - at); // with its CR LF once complete
    const bool blockTooLarge = offsetOf(next) - m_messageStart > m_limits.maxHeaderBytes;
    if (blockTooLarge || (!m_inRequestLine && lineSoFar > QtMaxFieldLine + (newline ? 2 : 1))) {
        refuseOversizeLine(piece, blockTooLarge);
        return end;
    }
    if (!newline) {
        m_line.append(piece);
        return end;
    }
    QByteArrayView line(at, newline - at);
    if (!m_line.isEmpty()) {
        m_line.append(line);
        line = m_line;
    }
    // A bare LF (or a CR alone inside a line, refused with the line's content) ends a line
    // for QHttpServer 6.4 where it does not for other parsers, or the other way round.
    if (line.isEmpty() || line.back() != '\r') {
        if (m_inRequestLine)
            noteRequestLine(line);
        refuse(400, "line end without CR");
        return end;
    }
    line.chop(1);
    if (m_inRequestLine)
        requestLine(line);
    else if (line.isEmpty())
        headEnd(next);
    else
        fieldLine(line);
    m_line.resize(0); // keeps its capacity
    return m_stopped ? end : next;
}

// Whether the request line read so far (carried over plus `piece`) can still begin with a
// known method and a space; its first 8 bytes tell ("OPTIONS ").
bool RequestFramer::methodPlausible(QByteArrayView piece) const
{
    char start[8];
    const qsizetype carried = std::min<qsizetype>(m_line.size(), sizeof start);
    std::memcpy(start, m_line.constData(), size_t(carried));
    const qsizetype more = std::min<qsizetype>(piece.size(), qsizetype(sizeof start) - carried);
    std::memcpy(start + carried, piece.data(), size_t(more));
    return couldStartRequestLine(QByteArrayView(start, carried + more));
}

void RequestFramer::refuseOversizeLine(QByteArrayView partial, bool blockTooLarge)
{
    if (m_inRequestLine) {
        // Kept (within the cap) although refused: the error body's dialect follows the path.
        m_line.append(partial.first(std::min<qsizetype>(partial.size(), m_limits.maxHeaderBytes)));
        noteRequestLine(m_line);
        refuse(431, "request line too long");
        return;
    }
    refuse(431, blockTooLarge ? "header block too large" : "header field too large");
}

// Method and target, also of a line that is refused (the error body's dialect follows the path).
void RequestFramer::noteRequestLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype space = line.indexOf(' ');
    m_method = knownMethod(space < 0 ? line : line.first(space));
    if (m_method.isEmpty() || space < 0)
        return;
    const QByteArrayView rest = line.sliced(space + 1);
    const qsizetype targetEnd = rest.indexOf(' ');
    const QByteArrayView target = targetEnd < 0 ? rest : rest.first(targetEnd);
    if (isOriginForm(target))
        m_target.append(target.first(std::min<qsizetype>(target.size(), m_limits.maxHeaderBytes)));
}

// METHOD SP origin-form SP HTTP/1.x, with single spaces: QHttpServer 6.4 also takes runs of
// spaces, junk after the version, any "HTTPx1y1" and methods it cannot name; no client needs
// them, and each is a place where two parsers can read different requests.
void RequestFramer::requestLine(QByteArrayView line)
{
    m_inRequestLine = false;
    noteRequestLine(line);
    if (m_method.isEmpty())
        return refuse(400, "unknown method");
    if (m_target.isEmpty())
        return refuse(400, "request target not in origin-form");
    const QByteArrayView version = line.sliced(m_method.size() + 1 + m_target.size());
    if (version == " HTTP/1.1")
        m_http10 = false;
    else if (version == " HTTP/1.0")
        m_http10 = true;
    else
        refuse(400, "unsupported HTTP version");
}

void RequestFramer::fieldLine(QByteArrayView line)
{
    // obs-fold: QHttpServer 6.4 joins the line to the previous value, or drops every header
    // when it is the first one.
    if (line.front() == ' ' || line.front() == '\t')
        return refuse(400, "obs-fold");
    if (++m_fields > std::min(m_limits.maxHeaderFields, QtMaxFields))
        return refuse(431, "too many header fields");
    const qsizetype colon = line.indexOf(':');
    // Also whitespace before the colon: not a token character.
    if (colon < 0 || !isToken(line.first(colon)))
        return refuse(400, "invalid header name");
    const QByteArrayView value = line.sliced(colon + 1);
    if (!isFieldValue(value))
        return refuse(400, "invalid header value");
    const QByteArrayView name = line.first(colon);
    m_capture.field(name, trimmedOws(value));
    field(name, trimmedOws(value));
}

// The fields that decide framing, Host, the upgrade and the credential. Each may appear once:
// where two copies disagree, QHttpServer 6.4 takes the first (Content-Length) or joins them
// with ", " (Transfer-Encoding, Upgrade, Host) and would not read what the guard read; and
// two credentials let the authenticator and an application behind a proxy each believe a
// different one.
void RequestFramer::field(QByteArrayView name, QByteArrayView value)
{
    switch (name.size()) {
    case 4:
        if (!equalsIgnoreCase(name, "host"))
            return;
        if (!once(Host))
            return refuse(400, "duplicate Host");
        if (!isHostValue(value)) // QHttpServer 6.4 makes it the URL's authority
            return refuse(400, "invalid Host");
        m_host.append(value);
        return;
    case 6:
        if (equalsIgnoreCase(name, "expect"))
            m_expectContinue = equalsIgnoreCase(value, "100-continue");
        if (!equalsIgnoreCase(name, "origin"))
            return;
        if (!once(Origin))
            return refuse(400, "duplicate Origin");
        m_origin.append(value);
        return;
    case 7:
        if (!equalsIgnoreCase(name, "upgrade"))
            return;
        // Two (websocket, h2c) once made QHttpServer serve plain HTTP where the guard had
        // let a WebSocket through (issue 11, finding 7).
        if (!once(Upgrade))
            return refuse(400, "duplicate Upgrade");
        m_upgradeValue.append(value);
        return;
    case 10:
        if (equalsIgnoreCase(name, "connection"))
            m_connection.add(value);
        return;
    case 13:
        if (equalsIgnoreCase(name, "authorization") && !once(Authorization))
            return refuse(400, "duplicate Authorization");
        return;
    case 14:
        if (!equalsIgnoreCase(name, "content-length"))
            return;
        if (!once(ContentLength))
            return refuse(400, "duplicate Content-Length");
        m_contentLength = decimalValue(value); // no sign, leading zeros or overflow
        if (m_contentLength < 0)
            return refuse(400, "invalid Content-Length");
        return;
    case 17:
        if (!equalsIgnoreCase(name, "transfer-encoding"))
            return;
        if (!once(TransferEncoding))
            return refuse(400, "duplicate Transfer-Encoding");
        if (!equalsIgnoreCase(value, "chunked"))
            return refuse(400, "unsupported Transfer-Encoding");
        return;
    default:
        return;
    }
}

bool RequestFramer::once(Singleton field)
{
    const bool first = !(m_seen & field);
    m_seen |= field;
    return first;
}

void RequestFramer::headEnd(const char* next)
{
    if (!m_http10 && !(m_seen & Host))
        return refuse(400, "missing Host"); // RFC 9112, 3.2
    // Both framing headers leave the length to each parser's taste (RFC 9112, 6.1: treat it
    // as an attack); HTTP/1.0 has no chunked coding.
    const bool chunked = m_seen & TransferEncoding;
    if (chunked && ((m_seen & ContentLength) || m_http10))
        return refuse(400, "conflicting framing headers");
    if (m_contentLength > m_limits.maxBodyBytes)
        return refuse(413, "declared body too large");
    if (m_seen & Upgrade) {
        const int status = upgradeStatus();
        if (status != 0)
            return refuse(status, "protocol upgrade");
        m_upgradeAccepted = true;
    }
    m_keepAlive = !m_connection.close && (!m_http10 || m_connection.keepAlive);
    m_continueWanted = m_expectContinue && !m_http10 && (chunked || m_contentLength > 0);
    if (chunked) {
        m_state = State::Chunked;
        m_chunked.start(m_limits.maxBodyBytes, &m_capture.body());
    } else if (m_contentLength > 0) {
        m_state = State::Body;
        // No reserve() of the declared length: 64 KiB per connection for a head alone would
        // let a client that never sends the body hold 128 MiB with 2048 connections.
        m_remaining = m_contentLength;
    } else {
        complete(next);
    }
}

int RequestFramer::upgradeStatus() const
{
    // Only a WebSocket handshake is served, and only when something decides it. QHttpServer
    // 6.4 upgrades when Connection contains "upgrade" and Upgrade is "websocket".
    if (!m_upgradeHook || !m_connection.upgrade || m_method != "GET" || !equalsIgnoreCase(m_upgradeValue, "websocket"))
        return 404;
    // A body nobody would read; a handshake QWebSocketServer refuses (HTTP/1.0); or an earlier
    // request still unanswered, whose answer would land in the WebSocket stream.
    if ((m_seen & TransferEncoding) || m_contentLength > 0 || m_http10 || m_sink.outstanding() > 0)
        return 400;
    const QUrl url = QUrl::fromEncoded(m_target);
    return m_upgradeHook(UpgradeRequest{url.path(QUrl::FullyDecoded), url.query(QUrl::FullyEncoded), m_host, m_origin});
}

const char* RequestFramer::body(const char* at, const char* end)
{
    const qint64 length = std::min<qint64>(m_remaining, end - at);
    m_capture.body().append(at, length);
    m_remaining -= length;
    m_bodyBytes += length;
    if (m_remaining == 0)
        complete(at + length);
    return at + length;
}

const char* RequestFramer::chunked(const char* at, const char* end)
{
    const char* const stop = m_chunked.read(at, end, m_feedStart);
    m_bodyBytes = m_chunked.bodyBytes();
    if (m_chunked.errorStatus() != 0)
        refuse(m_chunked.errorStatus(), m_chunked.errorReason());
    else if (m_chunked.isDone())
        complete(stop);
    return stop;
}

void RequestFramer::complete(const char* next)
{
    m_inMessage = false;
    m_state = State::Idle;
    m_requestEnd = offsetOf(next);
    if (m_upgradeAccepted) {
        // Not a request for the sink: QHttpServer hands it to its WebSocket server, and what
        // follows on the connection is WebSocket frames.
        m_upgraded = true;
        m_stopped = true;
        return;
    }
    m_requests.push_back(m_capture.take(m_method, m_target));
    m_sink.addFramed(
        {.closeAfter = !m_keepAlive, .http10 = m_http10, .head = m_method == "HEAD", .framedAtUs = monotonicUs()});
    if (!m_keepAlive)
        m_stopped = true; // the connection's last request: whatever follows is not read
}

void RequestFramer::refuse(int status, const char* reason)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_errorStatus = status;
    m_errorReason = reason;
}

QString RequestFramer::targetPath() const
{
    return m_target.isEmpty() ? QString() : QUrl::fromEncoded(m_target).path(QUrl::FullyDecoded);
}
