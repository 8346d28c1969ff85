#pragma once

#include <QtGlobal>

// What the guard learned while framing a request that shapes its answer.
struct RequestFraming
{
    bool closeAfter = false; // HTTP/1.0 without keep-alive, or Connection: close
    bool http10 = false;     // keep-alive must then be announced explicitly
    bool head = false;       // answer without a body
    qint64 framedAtUs = 0;   // monotonicUs() when its last byte arrived (the metrics' latency)
};

// Where RequestFramer reports each request it has framed whole: the connection's
// ResponseQueue, or a fuzz harness's recorder (tests/fuzz/).
class FramingSink
{
public:
    virtual ~FramingSink() = default;
    virtual quint64 outstanding() const = 0; // requests framed or reserved whose answer is not yet written
    virtual void addFramed(RequestFraming framing) = 0;
};
