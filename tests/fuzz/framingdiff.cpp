// libFuzzer harness, differential (issue 11, "one framing truth"): the same bytes, cut into
// the same reads, go to the connection guard's RequestFramer and to QHttpServer 6.4's own
// request parser — a real QAbstractHttpServer, in-process, reading from an in-memory socket
// the way it reads a TCP socket (one request per readyRead, the rest of a pipelined batch
// handed to it here). The server reads plain requests only with the framer, and only upgrades
// with QHttpServer after it; holding the two against each other on every request checks both
// that QHttpServer reads an upgrade as the guard decided it and that the framer's reading
// (RequestCapture) is the one Qt's parser and QUrl would make. Every request the framer
// accepts must reach QHttpServer with the same end, method, path, query, body, header count,
// Host and Authorization, an upgrade must be one for both, and QHttpServer must execute no
// request the framer did not frame. What the
// framer refuses, QHttpServer never reads (the guard detaches it). Each input is delivered
// three ways: in one read, byte by byte, and in reads of pseudo-random sizes.
#include "http/requestframer.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHashFunctions>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>

namespace {

// What one side made of one request.
struct Seen
{
    qint64 end = 0; // stream offset just past its last byte
    QByteArray method;
    QString path;
    QString query;
    QByteArray body;
    qsizetype fields = 0;
    QByteArray host;
    QByteArray authorization;
    bool upgrade = false;

    bool operator==(const Seen&) const = default;
};

// A QTcpSocket whose incoming bytes come from memory: QHttpServer reads it through QIODevice
// (read, peek, bytesAvailable, transactions) exactly as it reads a network socket.
class MemorySocket final : public QTcpSocket
{
public:
    MemorySocket()
    {
        setSocketState(ConnectedState);
        setOpenMode(ReadWrite | Unbuffered); // QIODevice keeps no 16 KiB chunk per arrival
    }
    ~MemorySocket() override { setSocketState(UnconnectedState); } // nothing to abort

    void arrive(const char* data, qsizetype length)
    {
        m_pending.append(data, length);
        m_arrived += length;
    }
    qint64 consumed() const { return m_arrived - bytesAvailable(); } // by QHttpServer
    bool isClosedByServer() const { return m_closed; }

    qint64 bytesAvailable() const override { return QIODevice::bytesAvailable() + (m_pending.size() - m_read); }
    void disconnectFromHost() override { m_closed = true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 length = std::min<qint64>(maxSize, m_pending.size() - m_read);
        if (length > 0)
            std::memcpy(data, m_pending.constData() + m_read, size_t(length));
        m_read += length;
        return length;
    }
    qint64 writeData(const char*, qint64 length) override { return length; }

private:
    QByteArray m_pending;
    qint64 m_read = 0;
    qint64 m_arrived = 0;
    bool m_closed = false;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "(other)";
    }
}

// QHttpServer's side: records each request as its parser delivers it. In its upgrade path
// 6.4 calls handleRequest() with the socket's read transaction still open.
class QtSide final : public QAbstractHttpServer
{
public:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        const QUrl url = request.url();
        const bool upgrade = socket->isTransactionStarted();
        // The framer hands on no request for an upgrade: its Authorization is not compared.
        seen.push_back({static_cast<MemorySocket*>(socket)->consumed(), methodName(request.method()),
                        url.path(QUrl::FullyDecoded), url.query(QUrl::FullyEncoded), request.body(),
                        request.headers().size(), request.value("host"),
                        upgrade ? QByteArray() : request.value("authorization"), upgrade});
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}

    std::vector<Seen> seen;
};

class Listener final : public QTcpServer
{
public:
    void hand(QTcpSocket* socket) { addPendingConnection(socket); }
};

// The guard's side. A request counts as answered once QHttpServer has delivered it.
class FramerSide final : public FramingSink
{
public:
    quint64 outstanding() const override { return quint64(seen.size()) - answered; }
    void addFramed(RequestFraming) override { seen.push_back(describe(false)); }

    // What the framing shows; path, query, body and Authorization of a plain request come
    // from the request the framer hands on (takeRequests()).
    Seen describe(bool upgrade) const
    {
        Seen described{framer->requestEnd(),
                       framer->method().toByteArray(),
                       {},
                       {},
                       {},
                       framer->fieldCount(),
                       framer->host(),
                       {},
                       upgrade};
        splitTarget(framer->target(), &described.path, &described.query);
        return described;
    }
    void takeRequests()
    {
        for (HttpRequest& request : framer->takeRequests()) {
            Seen& described = seen[taken++];
            described.path = request.path;
            described.query = request.query;
            described.body = request.body;
            described.authorization = request.authorization;
        }
    }

    RequestFramer* framer = nullptr;
    std::vector<Seen> seen;
    size_t taken = 0;
    quint64 answered = 0;
};

QtSide* qtSide = nullptr;
Listener* listener = nullptr;

void print(const char* who, const std::vector<Seen>& seen)
{
    for (const Seen& s : seen)
        std::fprintf(stderr, "  %s: end %lld %s %s ?%s body %lld fields %lld host '%s' auth '%s'%s\n", who,
                     static_cast<long long>(s.end), s.method.constData(), qPrintable(s.path), qPrintable(s.query),
                     static_cast<long long>(s.body.size()), static_cast<long long>(s.fields), s.host.constData(),
                     s.authorization.constData(), s.upgrade ? " (upgrade)" : "");
}

[[noreturn]] void disagree(const char* what, const char* cut, const FramerSide& guard)
{
    std::fprintf(stderr, "framingdiff: %s (%s)\n", what, cut);
    print("guard", guard.seen);
    print("QHttpServer", qtSide->seen);
    std::abort();
}

void compare(const FramerSide& guard, const char* cut)
{
    const std::vector<Seen>& qt = qtSide->seen;
    if (qt.size() > guard.seen.size())
        disagree("QHttpServer executed a request the guard did not frame", cut, guard);
    for (size_t i = 0; i < qt.size(); ++i) {
        if (!(qt[i] == guard.seen[i]))
            disagree("the guard and QHttpServer read a request differently", cut, guard);
    }
}

// One connection: each read goes to the framer (the guard's first readyRead slot), then to
// QHttpServer's slot unless the guard has detached it, then the guard's pump.
void deliver(QByteArrayView input, const std::function<qsizetype(qsizetype)>& cut, const char* cutName)
{
    const ConnectionLimits limits;
    const UpgradeHook acceptAll = [](const UpgradeRequest&) { return 0; };
    FramerSide guard;
    RequestFramer framer(limits, guard, acceptAll);
    guard.framer = &framer;
    qtSide->seen.clear();
    auto* socket = new MemorySocket;
    listener->hand(socket);

    const auto qtReads = [&] {
        const size_t before = qtSide->seen.size();
        emit socket->readyRead();
        guard.answered = qtSide->seen.size();
        return qtSide->seen.size() > before;
    };
    for (qsizetype at = 0; at < input.size() && !framer.isStopped();) {
        const qsizetype length = cut(input.size() - at);
        socket->arrive(input.data() + at, length);
        framer.feed(input.data() + at, length);
        at += length;
        guard.takeRequests();
        if (framer.isUpgraded())
            guard.seen.push_back(guard.describe(true));
        // A stopped framer detaches QHttpServer once it has read every framed request.
        if (!framer.isStopped() || framer.isUpgraded() || qtSide->seen.size() < guard.seen.size()) {
            qtReads();
            while (qtSide->seen.size() < guard.seen.size() && !socket->isClosedByServer()
                   && socket->bytesAvailable() > 0 && qtReads()) {
            }
        }
        compare(guard, cutName);
    }
    if (qtSide->seen.size() != guard.seen.size())
        disagree("QHttpServer did not deliver a request the guard framed", cutName, guard);
    delete socket; // with the request QHttpServer kept for it, and its queued readyRead
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication application(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("qt.httpserver*=false"));
    qtSide = new QtSide;
    listener = new Listener;
    listener->listen(QHostAddress::LocalHost, 0); // never connected to: it hands over memory sockets
    qtSide->bind(listener);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), qsizetype(size));
    deliver(
        input, [](qsizetype left) { return left; }, "one read");
    deliver(
        input, [](qsizetype) { return qsizetype(1); }, "byte by byte");
    quint64 state = qHashBits(data, size) | 1;
    deliver(
        input,
        [&state](qsizetype left) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return std::min<qsizetype>(left, qsizetype(1 + state % 32));
        },
        "random reads");
    return 0;
}
