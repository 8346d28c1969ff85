#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

// Collects records written on the hot path (rate-limit and audit events, last-seen times)
// and hands them to `flush` in one batch per interval, so an attack that produces
// thousands of events a second costs one transaction a second, not thousands.
template <typename Record>
class BatchedWriter
{
public:
    using Flush = std::function<void(std::vector<Record>)>;

    BatchedWriter(int intervalMs, Flush flush) : m_flush(std::move(flush))
    {
        m_timer.setInterval(intervalMs);
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { flushNow(); });
    }
    ~BatchedWriter() { flushNow(); }

    void add(Record record)
    {
        m_pending.push_back(std::move(record));
        if (!m_timer.isActive())
            m_timer.start();
    }

    void flushNow()
    {
        m_timer.stop();
        if (m_pending.empty())
            return;
        std::vector<Record> batch;
        batch.swap(m_pending);
        m_flush(std::move(batch));
    }

private:
    Flush m_flush;
    QTimer m_timer;
    std::vector<Record> m_pending;
};
