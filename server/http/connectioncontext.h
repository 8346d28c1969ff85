#pragma once

#include "http/connectionlimits.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <chrono>
#include <functional>

// What every connection of one listener shares: the bounds, whether it speaks TLS (HSTS)
// and how to render the error bodies the transport itself answers (guard rejections,
// unanswered Responders). Held by shared_ptr, so a Responder that outlives the server
// still has something valid to look at.
struct ConnectionContext
{
    ConnectionLimits limits;
    bool tls = false;
    std::function<QByteArray(QStringView path, int status, const QString& message)> renderError;
};

// Milliseconds on a monotonic clock, for deadlines.
inline qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
