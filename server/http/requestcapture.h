#pragma once

#include "http/httprequest.h"

#include <QByteArrayView>

// What Gatehouse's handlers read of a request, taken while RequestFramer frames it: the
// method, path and query, the few header fields HttpRequest names and the body (a chunked
// one decoded). Plain HTTP requests are read only here, by the guard's own parser: QHttpServer
// sees none of them, so there is no second parser to disagree with and each byte is read once.
class RequestCapture
{
public:
    void begin(); // a new request: nothing of the previous one is kept
    // A header field, already checked by the framer (token name, valid value, OWS trimmed).
    void field(QByteArrayView name, QByteArrayView value);
    QByteArray& body() { return m_request.body; } // the framer appends the body's bytes
    // The request framed whole; `method` and `target` as RequestFramer accepted them.
    HttpRequest take(QByteArrayView method, QByteArrayView target);

private:
    HttpRequest m_request;
    unsigned m_seen = 0; // which single-valued fields came already (bits of their slots)
};

// The percent-decoded path and the raw query of an origin-form target, as QUrl reads them.
void splitTarget(QByteArrayView target, QString* path, QString* query);
