#pragma once

#include <QtGlobal>

// The connection guard's bounds (ARCHITECTURE.md, "QHttpServer 6.4 and the connection
// guard"). QHttpServer 6.4 has none of its own; each bound answers a named attack:
// slowloris (header deadline), idle-connection exhaustion (idle deadline, caps with
// eviction of the oldest idle connection), memory exhaustion (body and header caps),
// header-count smuggling (at 101 fields QHttpServer 6.4 drops every header, Content-Length
// included, and would parse the body as a second request).
struct ConnectionLimits
{
    int maxConnections = 2048;
    int maxConnectionsPerIp = 256;
    int headerTimeoutMs = 10'000;   // request line + headers must be complete within this
    int idleTimeoutMs = 60'000;     // keep-alive connection with no request in progress
    int handshakeTimeoutMs = 5'000; // TLS handshake
    int maxHeaderBytes = 16 * 1024; // request line + header block
    int maxHeaderFields = 100;
    qint64 maxBodyBytes = 64 * 1024; // declared or chunked
};
