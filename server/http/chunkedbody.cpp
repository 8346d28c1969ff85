#include "http/chunkedbody.h"

#include "http/httpsyntax.h"

#include <algorithm>

void ChunkedBody::start(qint64 maxBodyBytes, QByteArray* data)
{
    *this = ChunkedBody();
    m_maxBodyBytes = maxBodyBytes;
    m_data = data;
}

const char* ChunkedBody::read(const char* at, const char* end, const char* readStart)
{
    for (; at < end; ++at) {
        const char c = *at;
        switch (m_state) {
        case State::Size:
            if (const int digit = httpsyntax::hexDigitValue(c); digit >= 0)
                sizeDigit(digit);
            else if (c == '\r' && m_digits > 0)
                m_state = State::SizeLf;
            else
                refuse(400, "not a bare chunk size");
            break;
        case State::SizeLf:
            if (c != '\n')
                refuse(400, "chunk size without CRLF");
            else
                m_state = m_size == 0 ? State::LastCr : State::Data;
            m_remaining = m_size;
            break;
        case State::Data: {
            const qint64 length = std::min<qint64>(m_remaining, end - at);
            m_data->append(at, length);
            m_remaining -= length;
            m_bodyBytes += length;
            if (m_remaining == 0)
                m_state = State::DataCr;
            at += length - 1;
            break;
        }
        case State::DataCr:
        case State::DataLf:
            if (c != (m_state == State::DataCr ? '\r' : '\n')) {
                refuse(400, "chunk data without CRLF");
            } else if (m_state == State::DataCr) {
                m_state = State::DataLf;
            } else {
                m_state = State::Size;
                m_size = 0;
                m_digits = 0;
            }
            break;
        case State::LastCr:
            if (c != '\r')
                refuse(400, "chunked trailer");
            else
                m_state = State::LastLf;
            break;
        case State::LastLf:
            if (c != '\n') {
                refuse(400, "last chunk without CRLF");
            } else if (at == readStart && end - at > 1) {
                // QHttpServer 6.4 reads this CRLF two bytes at a time: when the CR ended one
                // read, it takes the LF with the next byte, the first of a pipelined request.
                refuse(400, "last chunk's CRLF split before more bytes");
            } else {
                m_state = State::Done;
                return at + 1;
            }
            break;
        case State::Done:
        case State::Refused:
            return at;
        }
        if (m_state == State::Refused)
            return at;
    }
    return at;
}

void ChunkedBody::sizeDigit(int digit)
{
    if (m_digits == 1 && m_size == 0)
        return refuse(400, "chunk size with a leading zero");
    // Checked before it grows: the size never exceeds what the body may still hold.
    const qint64 room = m_maxBodyBytes - m_bodyBytes;
    if (m_size > room / 16 || m_size * 16 + digit > room)
        return refuse(413, "chunked body too large");
    m_size = m_size * 16 + digit;
    ++m_digits;
}

void ChunkedBody::refuse(int status, const char* reason)
{
    m_state = State::Refused;
    m_errorStatus = status;
    m_errorReason = reason;
}
