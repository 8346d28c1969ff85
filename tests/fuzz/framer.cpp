// libFuzzer harness: the connection guard's RequestFramer alone (issue 11). No input may crash
// it or trip a sanitizer, what it frames must respect its limits, and its reading must not
// depend on how the bytes are cut into reads: in one read and in reads of pseudo-random sizes
// it frames the same requests (end, method, target, body length, field count, Host, upgrade;
// and of a plain request the path and body handed on, whose length must match the framing)
// and refuses with the same status. The one deliberate exception: a last chunk whose final
// CRLF is split before pipelined bytes is refused only when so split (QHttpServer 6.4 would
// eat a byte of the next request). Small limits, so that inputs of a few KiB reach every bound.
#include "http/requestframer.h"

#include <QByteArray>
#include <QHashFunctions>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr const char* SplitTerminator = "last chunk's CRLF split before more bytes";

struct Framed
{
    qint64 end = 0;
    QByteArray method;
    QByteArray target;
    qint64 body = 0;
    int fields = 0;
    QByteArray host;
    bool upgrade = false;
    QString path;    // of the request handed on (takeRequests())
    QByteArray data; // its body

    bool operator==(const Framed&) const = default;
};

class Recorder final : public FramingSink
{
public:
    quint64 outstanding() const override { return quint64(framed.size()); } // nothing is answered
    void addFramed(RequestFraming) override { framed.push_back(describe(false)); }

    Framed describe(bool upgrade) const
    {
        return {framer->requestEnd(),
                framer->method().toByteArray(),
                framer->target(),
                framer->bodyBytes(),
                framer->fieldCount(),
                framer->host(),
                upgrade,
                {},
                {}};
    }

    const RequestFramer* framer = nullptr;
    std::vector<Framed> framed;
    size_t taken = 0;
};

struct Outcome
{
    std::vector<Framed> framed;
    int status = 0;
    bool splitTerminator = false;
};

void fail(const char* what, const Outcome& a, const Outcome& b)
{
    std::fprintf(stderr, "framer: %s (framed %zu vs %zu, status %d vs %d)\n", what, a.framed.size(), b.framed.size(),
                 a.status, b.status);
    std::abort();
}

// Cuts [0, size) into reads of 1 to 64 bytes, from a seed that the input itself provides.
class Cutter
{
public:
    explicit Cutter(quint64 seed) : m_state(seed | 1) {}
    qsizetype next(qsizetype left)
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return std::min<qsizetype>(left, qsizetype(1 + m_state % 64));
    }

private:
    quint64 m_state;
};

Outcome frame(const ConnectionLimits& limits, const char* data, qsizetype size, Cutter* cutter)
{
    Recorder recorder;
    const UpgradeHook acceptAll = [](const UpgradeRequest&) { return 0; };
    RequestFramer framer(limits, recorder, acceptAll);
    recorder.framer = &framer;
    for (qsizetype at = 0; at < size && !framer.isStopped();) {
        const qsizetype length = cutter ? cutter->next(size - at) : size;
        framer.feed(data + at, length);
        at += length;
        for (HttpRequest& request : framer.takeRequests()) {
            Framed& framed = recorder.framed[recorder.taken++];
            framed.path = request.path;
            framed.data = request.body;
        }
    }
    if (framer.isUpgraded())
        recorder.framed.push_back(recorder.describe(true));
    return {recorder.framed, framer.errorStatus(), qstrcmp(framer.errorReason(), SplitTerminator) == 0};
}

void checkLimits(const ConnectionLimits& limits, const Outcome& outcome, qsizetype size)
{
    qint64 previousEnd = 0;
    for (const Framed& request : outcome.framed) {
        const bool ok = request.end > previousEnd && request.end <= size && !request.method.isEmpty()
            && request.target.startsWith('/') && request.body <= limits.maxBodyBytes
            && request.fields <= limits.maxHeaderFields && (!request.upgrade || request.body == 0)
            && (request.upgrade || request.data.size() == request.body);
        if (!ok)
            fail("a framed request breaks the limits or the syntax", outcome, outcome);
        previousEnd = request.end;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto* bytes = reinterpret_cast<const char*>(data);
    const auto length = qsizetype(size);
    ConnectionLimits small;
    small.maxHeaderBytes = 2048;
    small.maxHeaderFields = 16;
    small.maxBodyBytes = 512;

    const Outcome whole = frame(small, bytes, length, nullptr);
    Cutter cutter(qHashBits(data, size));
    const Outcome cut = frame(small, bytes, length, &cutter);
    checkLimits(small, whole, length);
    checkLimits(small, cut, length);
    if (whole.splitTerminator || cut.splitTerminator) {
        const size_t common = std::min(whole.framed.size(), cut.framed.size());
        if (!std::equal(whole.framed.begin(), whole.framed.begin() + qsizetype(common), cut.framed.begin()))
            fail("the requests before a split terminator differ", whole, cut);
    } else if (whole.framed != cut.framed || whole.status != cut.status) {
        fail("one read and many reads disagree", whole, cut);
    }
    // The production limits too (the 8 KiB field line needs longer inputs than the small ones).
    checkLimits(ConnectionLimits(), frame(ConnectionLimits(), bytes, length, nullptr), length);
    return 0;
}
