#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

// libFuzzer's bytes read front to back as the values a harness needs. Reading past the end
// gives zeros and empty arrays, so every input is a valid (if short) test case. (libFuzzer's
// own FuzzedDataProvider is not on the include path of the gcc build that replays corpora.)
class FuzzInput
{
public:
    FuzzInput(const uint8_t* data, size_t size) : m_data(reinterpret_cast<const char*>(data), qsizetype(size)) {}

    bool atEnd() const { return m_data.isEmpty(); }

    quint64 integer(int bytes)
    {
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i) {
            const QByteArrayView next = take(1);
            value = (value << 8) | (next.isEmpty() ? 0u : quint8(next.front()));
        }
        return value;
    }
    quint8 byte() { return quint8(integer(1)); }

    // One length byte, then that many bytes.
    QByteArray chunk() { return take(byte()).toByteArray(); }
    // Up to (not including) the next `separator`, which is consumed; the rest when there is none.
    QByteArray until(char separator)
    {
        const qsizetype at = m_data.indexOf(separator);
        const QByteArray part = take(at < 0 ? m_data.size() : at).toByteArray();
        take(1);
        return part;
    }
    QByteArray rest() { return take(m_data.size()).toByteArray(); }

private:
    QByteArrayView take(qsizetype count)
    {
        const QByteArrayView part = m_data.first(qMin(count, m_data.size()));
        m_data = m_data.sliced(part.size());
        return part;
    }

    QByteArrayView m_data;
};
