#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// The pieces of HTTP/1.1 syntax (RFC 9110/9112) that the connection guard accepts: a
// canonical subset that QHttpServer 6.4 parses exactly as the guard does (RequestFramer,
// docs/DESIGN-NOTES.md). Functions over bytes, no allocation.
namespace httpsyntax {

bool isTokenChar(char c);
bool isToken(QByteArrayView text);
// A field value as sent: HTAB, SP, visible ASCII and obs-text; no other control byte (a CR
// or LF inside would be read as a line end by one parser and not the other).
bool isFieldValue(QByteArrayView text);
QByteArrayView trimmedOws(QByteArrayView text); // without leading and trailing SP / HTAB
bool equalsIgnoreCase(QByteArrayView text, QByteArrayView lowercase);
bool containsIgnoreCase(QByteArrayView text, QByteArrayView lowercase);

// A method QHttpServer 6.4 and the routes know, as a view on static storage; empty if not.
QByteArrayView knownMethod(QByteArrayView method);
// Whether the first bytes of a request line could still begin with a known method and a space.
bool couldStartRequestLine(QByteArrayView partial);
// origin-form ("/path?query") made of visible ASCII, without a fragment and not starting
// with "//" (which QUrl reads as an authority, so the path QHttpServer routes would differ).
bool isOriginForm(QByteArrayView target);
// host [":" port], host a name of letters, digits, '-', '.', '_' or an IP literal in brackets.
bool isHostValue(QByteArrayView value);
// "0" or a decimal without leading zeros, at most 18 digits; -1 otherwise.
qint64 decimalValue(QByteArrayView text);
int hexDigitValue(char c); // -1 unless 0-9, a-f, A-F

// What a request's Connection fields say, added up field by field.
struct ConnectionOptions
{
    bool close = false;
    bool keepAlive = false;
    // QHttpServer 6.4 takes a Connection value that merely contains "upgrade" for an upgrade;
    // the guard decides upgrades with the same test, so that both agree.
    bool upgrade = false;

    void add(QByteArrayView value);
};

} // namespace httpsyntax
