#include "http/requestcapture.h"

#include "http/httpsyntax.h"

#include <QUrl>

#include <algorithm>
#include <iterator>

using httpsyntax::equalsIgnoreCase;

namespace {

// The fields HttpRequest names, by length of the (lowercase) name.
QByteArray* slotFor(HttpRequest& request, QByteArrayView name)
{
    switch (name.size()) {
    case 6:
        return equalsIgnoreCase(name, "origin") ? &request.origin : nullptr;
    case 10:
        return equalsIgnoreCase(name, "user-agent") ? &request.userAgent : nullptr;
    case 12:
        return equalsIgnoreCase(name, "content-type") ? &request.contentType : nullptr;
    case 13:
        return equalsIgnoreCase(name, "authorization") ? &request.authorization : nullptr;
    case 14:
        return equalsIgnoreCase(name, "x-original-uri") ? &request.originalUri : nullptr;
    case 15:
        if (equalsIgnoreCase(name, "x-forwarded-for"))
            return &request.forwardedFor;
        return equalsIgnoreCase(name, "x-forwarded-uri") ? &request.forwardedUri : nullptr;
    case 17:
        return equalsIgnoreCase(name, "x-original-method") ? &request.originalMethod : nullptr;
    case 18:
        return equalsIgnoreCase(name, "x-forwarded-method") ? &request.forwardedMethod : nullptr;
    default:
        return nullptr;
    }
}

unsigned bitOf(const HttpRequest& request, const QByteArray* slot)
{
    const QByteArray* const named[] = {&request.origin,         &request.userAgent,      &request.contentType,
                                       &request.authorization,  &request.originalUri,    &request.forwardedUri,
                                       &request.originalMethod, &request.forwardedMethod};
    const auto at = std::find(std::begin(named), std::end(named), slot);
    return 1u << unsigned(at - std::begin(named));
}

// The inverse of methodName(), which holds the one table of names.
HttpMethod methodFor(QByteArrayView name)
{
    for (const HttpMethod method : {HttpMethod::Get, HttpMethod::Post, HttpMethod::Head, HttpMethod::Put,
                                    HttpMethod::Patch, HttpMethod::Delete, HttpMethod::Options}) {
        if (name == methodName(method))
            return method;
    }
    return HttpMethod::Other;
}

// Bytes QUrl keeps as they are in a path (unreserved, sub-delims, ':', '@', '/'): a target of
// only these is its own decoded path, without building a QUrl.
bool isPlainPathByte(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '/':
        return true;
    default:
        return false;
    }
}

} // namespace

void RequestCapture::begin()
{
    m_request = HttpRequest();
    m_seen = 0;
}

// X-Forwarded-For lines form one list; any other named field sent twice keeps its first value
// and marks the request (repeatedHeader), since which of the two a proxy meant is anyone's
// guess. The framer refuses a second Authorization or Origin outright.
void RequestCapture::field(QByteArrayView name, QByteArrayView value)
{
    QByteArray* slot = slotFor(m_request, name);
    if (!slot)
        return;
    if (slot == &m_request.forwardedFor) {
        if (!slot->isEmpty())
            slot->append(", ");
        slot->append(value);
        return;
    }
    const unsigned bit = bitOf(m_request, slot);
    if (m_seen & bit) {
        m_request.repeatedHeader = true;
        return;
    }
    m_seen |= bit;
    *slot = value.toByteArray();
}

HttpRequest RequestCapture::take(QByteArrayView method, QByteArrayView target)
{
    HttpRequest request = std::move(m_request);
    request.method = methodFor(method);
    splitTarget(target, &request.path, &request.query);
    begin();
    return request;
}

void splitTarget(QByteArrayView target, QString* path, QString* query)
{
    if (std::all_of(target.begin(), target.end(), isPlainPathByte)) {
        *path = QString::fromLatin1(target);
        query->clear();
        return;
    }
    // As QHttpServer 6.4 read it (the routes, the OpenAPI paths and the upgrade hook agree).
    const QUrl url = QUrl::fromEncoded(target.toByteArray());
    *path = url.path(QUrl::FullyDecoded);
    *query = url.query(QUrl::FullyEncoded);
}
