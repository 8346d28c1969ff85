#pragma once

#include "crypto/tlsidentity.h"

#include <QSslConfiguration>

// What the listener offers in the TLS handshake (API.md, "TLS"): TLS 1.2 and 1.3 only and,
// under TLS 1.2, only forward-secret AEAD suites. The cipher list is pinned here rather
// than left to OpenSSL's defaults, which still offer CBC suites under TLS 1.2.
QSslConfiguration serverTlsConfiguration(const TlsIdentity& identity);
