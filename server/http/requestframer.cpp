#include "http/requestframer.h"

#include "http/connectioncontext.h"
#include "http/responsequeue.h"

#include <QUrl>

#include <http_parser.h>

#include <algorithm>

namespace {

// QHttpServer 6.4 (QHttpHeaderParser) drops *every* header of a request when one field line
// exceeds 8 KiB or a field name holds a non-token character; Content-Length then vanishes
// and the body is parsed as a second request. Such requests are refused first.
constexpr qint64 QtMaxFieldLine = 8 * 1024;
// Answers held for one connection before it must read them: bounds what a client that
// pipelines without reading can make the server buffer.
constexpr quint64 MaxPipelined = 32;
// Header names whose values are kept (Host, Origin, Upgrade) are shorter than this.
constexpr qsizetype MaxCapturedName = 16;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

// libhttp-parser's C callbacks, forwarded to the framer with stream positions.
struct ParserCallbacks
{
    static RequestFramer* framer(http_parser* parser) { return static_cast<RequestFramer*>(parser->data); }
    static qint64 position(http_parser* parser, const char* at)
    {
        const RequestFramer* f = framer(parser);
        return f->m_chunkOffset + (at - f->m_chunkBase);
    }
    static int messageBegin(http_parser* p) { return framer(p)->messageBegin(); }
    static int url(http_parser* p, const char* at, size_t n) { return framer(p)->url(position(p, at), at, n); }
    static int field(http_parser* p, const char* at, size_t n)
    {
        return framer(p)->headerField(position(p, at), at, n);
    }
    static int value(http_parser* p, const char* at, size_t n)
    {
        return framer(p)->headerValue(position(p, at), at, n);
    }
    static int headersComplete(http_parser* p) { return framer(p)->headersComplete(); }
    static int body(http_parser* p, const char*, size_t n) { return framer(p)->body(n); }
    static int chunkHeader(http_parser* p) { return framer(p)->chunkHeader(); }
    static int messageComplete(http_parser* p) { return framer(p)->messageComplete(); }

    static const http_parser_settings settings;
};

const http_parser_settings ParserCallbacks::settings = {
    .on_message_begin = &ParserCallbacks::messageBegin,
    .on_url = &ParserCallbacks::url,
    .on_status = nullptr,
    .on_header_field = &ParserCallbacks::field,
    .on_header_value = &ParserCallbacks::value,
    .on_headers_complete = &ParserCallbacks::headersComplete,
    .on_body = &ParserCallbacks::body,
    .on_message_complete = &ParserCallbacks::messageComplete,
    .on_chunk_header = &ParserCallbacks::chunkHeader,
    .on_chunk_complete = nullptr,
};

RequestFramer::RequestFramer(const ConnectionLimits& limits, ResponseQueue& queue, const UpgradeHook& upgradeHook)
    : m_limits(limits)
    , m_queue(queue)
    , m_upgradeHook(upgradeHook)
    , m_parser(std::make_unique<http_parser>())
{
    http_parser_init(m_parser.get(), HTTP_REQUEST);
    m_parser->data = this;
}

RequestFramer::~RequestFramer() = default;

void RequestFramer::feed(const char* data, qint64 length)
{
    qint64 done = 0;
    while (done < length && !m_stopped) {
        m_chunkBase = data + done;
        m_chunkOffset = m_streamOffset + done;
        const size_t parsed = http_parser_execute(m_parser.get(), &ParserCallbacks::settings, m_chunkBase,
                                                  size_t(length - done));
        done += qint64(parsed);
        const auto error = HTTP_PARSER_ERRNO(m_parser.get());
        if (error == HPE_PAUSED) {
            http_parser_pause(m_parser.get(), 0);
            if (!handlePause(m_chunkOffset + qint64(parsed)))
                break;
            continue;
        }
        if (error != HPE_OK) {
            refuse(error == HPE_HEADER_OVERFLOW ? 431 : 400, http_errno_name(error));
            break;
        }
        if (parsed == 0)
            break;
    }
    m_streamOffset += length;
    if (m_stopped || !m_inMessage)
        return;
    if (m_inHead && headTooLarge(m_streamOffset))
        refuse(431, "header block too large");
    else if (!m_inHead && m_streamOffset - m_bodyStart > 2 * m_limits.maxBodyBytes + 16 * 1024)
        refuse(413, "chunk framing too large"); // chunk-size lines and extensions count too
}

// The parser pauses itself at two points whose stream positions it does not report
// otherwise: the first byte of a request and the end of its header block.
bool RequestFramer::handlePause(qint64 position)
{
    switch (std::exchange(m_pause, Pause::None)) {
    case Pause::MessageBegin:
        m_messageStart = position - 1;
        return true;
    case Pause::HeadersComplete: {
        const qint64 headEnd = position + 1; // the final LF is consumed on resuming
        m_inHead = false;
        m_bodyStart = headEnd;
        if (headTooLarge(headEnd))
            refuse(431, "header block too large");
        else if (m_fields > 0 && headEnd - 2 - m_fieldStart > QtMaxFieldLine) // the last field's line
            refuse(431, "header field too large");
        return !m_stopped;
    }
    case Pause::Stop:
        return false;
    case Pause::None:
        break;
    }
    return true;
}

bool RequestFramer::headTooLarge(qint64 end) const
{
    return end - m_messageStart > m_limits.maxHeaderBytes;
}

int RequestFramer::messageBegin()
{
    if (m_queue.outstanding() >= MaxPipelined) {
        refuse(429, "too many pipelined requests");
        return -1;
    }
    m_inMessage = true;
    m_inHead = true;
    m_inField = false;
    m_fields = 0;
    m_bodyBytes = 0;
    m_target.resize(0);
    m_capture = nullptr;
    m_host.clear();
    m_origin.clear();
    m_upgradeValue.clear();
    m_requestStart = monotonicMs();
    m_pause = Pause::MessageBegin;
    http_parser_pause(m_parser.get(), 1);
    return 0;
}

int RequestFramer::url(qint64 position, const char* at, size_t length)
{
    // Kept (within the cap) even when refused: the error body's dialect follows the path.
    const qint64 room = m_limits.maxHeaderBytes - m_target.size();
    m_target.append(at, qsizetype(std::clamp<qint64>(qint64(length), 0, room)));
    if (headTooLarge(position + qint64(length))) {
        refuse(431, "request line too long");
        return -1;
    }
    return 0;
}

int RequestFramer::headerField(qint64 position, const char* at, size_t length)
{
    if (m_parser->flags & F_TRAILING) {
        // QHttpServer 6.4 would read chunked trailers as the start of another request.
        refuse(400, "chunked trailer");
        return -1;
    }
    if (!m_inField) {
        if (m_fields > 0 && position - m_fieldStart > QtMaxFieldLine) {
            refuse(431, "header field too large");
            return -1;
        }
        if (++m_fields > m_limits.maxHeaderFields) {
            refuse(431, "too many header fields");
            return -1;
        }
        m_fieldStart = position;
        m_inField = true;
        m_fieldName.resize(0);
    }
    if (m_fieldName.size() < MaxCapturedName)
        m_fieldName.append(at, qsizetype(std::min<size_t>(length, size_t(MaxCapturedName - m_fieldName.size()))));
    for (size_t i = 0; i < length; ++i) {
        if (!isTokenChar(at[i])) {
            refuse(400, "invalid header name");
            return -1;
        }
    }
    if (headTooLarge(position + qint64(length))) {
        refuse(431, "header block too large");
        return -1;
    }
    return 0;
}

int RequestFramer::headerValue(qint64 position, const char* at, size_t length)
{
    if (m_inField) { // the value's first piece
        m_inField = false;
        m_capture = captureSlot(m_fieldName);
    }
    if (m_capture)
        m_capture->append(at, qsizetype(length));
    if (headTooLarge(position + qint64(length))) {
        refuse(431, "header block too large");
        return -1;
    }
    return 0;
}

int RequestFramer::headersComplete()
{
    const http_parser* parser = m_parser.get();
    if (parser->http_major != 1) {
        refuse(400, "unsupported HTTP version");
        return -1;
    }
    if ((parser->flags & F_CONTENTLENGTH) && parser->content_length > quint64(m_limits.maxBodyBytes)) {
        refuse(413, "declared body too large");
        return -1;
    }
    // Decided here, before QHttpServer 6.4 could hand a WebSocket upgrade to its internal
    // QWebSocketServer ahead of any routing.
    if (parser->upgrade || (parser->flags & F_UPGRADE)) {
        const int status = upgradeStatus();
        if (status != 0) {
            refuse(status, "protocol upgrade");
            return -1;
        }
        m_upgradeAccepted = true;
    }
    m_keepAlive = http_should_keep_alive(parser) != 0;
    m_pause = Pause::HeadersComplete;
    http_parser_pause(m_parser.get(), 1);
    return 0;
}

int RequestFramer::upgradeStatus() const
{
    const http_parser* parser = m_parser.get();
    // Only a WebSocket handshake is served, and only when something decides it.
    if (!m_upgradeHook || !parser->upgrade || parser->method != HTTP_GET
        || m_upgradeValue.trimmed().compare("websocket", Qt::CaseInsensitive) != 0)
        return 404;
    // A body nobody would read; or an earlier request still unanswered, whose answer would
    // land in the WebSocket stream after the handshake.
    const bool hasBody =
        (parser->flags & F_CHUNKED) || ((parser->flags & F_CONTENTLENGTH) && parser->content_length > 0);
    if (hasBody || m_queue.outstanding() > 0)
        return 400;
    const QUrl url = QUrl::fromEncoded(m_target);
    const UpgradeRequest request{url.path(QUrl::FullyDecoded), url.query(QUrl::FullyEncoded), m_host.trimmed(),
                                 m_origin.trimmed()};
    return m_upgradeHook(request);
}

QByteArray* RequestFramer::captureSlot(const QByteArray& name)
{
    QByteArray* slot = nullptr;
    if (name.compare("host", Qt::CaseInsensitive) == 0)
        slot = &m_host;
    else if (name.compare("origin", Qt::CaseInsensitive) == 0)
        slot = &m_origin;
    else if (name.compare("upgrade", Qt::CaseInsensitive) == 0)
        slot = &m_upgradeValue;
    return slot && slot->isEmpty() ? slot : nullptr; // the first occurrence counts
}

int RequestFramer::body(size_t length)
{
    m_bodyBytes += qint64(length);
    if (m_bodyBytes > m_limits.maxBodyBytes) {
        refuse(413, "body too large");
        return -1;
    }
    return 0;
}

int RequestFramer::chunkHeader()
{
    if (m_parser->content_length > quint64(m_limits.maxBodyBytes - m_bodyBytes)) {
        refuse(413, "chunked body too large");
        return -1;
    }
    return 0;
}

int RequestFramer::messageComplete()
{
    m_inMessage = false;
    m_inHead = false;
    if (m_upgradeAccepted) {
        // Not a request for the ResponseQueue: QHttpServer hands it to its WebSocket server,
        // and what follows on the connection is WebSocket frames.
        m_upgraded = true;
        m_stopped = true;
        m_pause = Pause::Stop;
        http_parser_pause(m_parser.get(), 1);
        return 0;
    }
    const http_parser* parser = m_parser.get();
    m_queue.addFramed({.closeAfter = !m_keepAlive,
                       .http10 = parser->http_major == 1 && parser->http_minor == 0,
                       .head = parser->method == HTTP_HEAD});
    if (!m_keepAlive) {
        // The connection's last request: whatever follows is not read.
        m_stopped = true;
        m_pause = Pause::Stop;
        http_parser_pause(m_parser.get(), 1);
    }
    return 0;
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

