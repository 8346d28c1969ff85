#pragma once

#include <QDateTime>

#include <atomic>

// Time behind one interface, so token expiry, lockout windows and refresh rotation are
// tested by moving a MockClock instead of sleeping. Implementations are thread-safe:
// the hash pool and the server thread read the same clock.
class Clock
{
public:
    virtual ~Clock() = default;

    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;

    qint64 nowSecs() const { return nowMs() / 1000; }
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to. Used by tests and by nothing in production.
class MockClock final : public Clock
{
public:
    explicit MockClock(qint64 startMs) : m_nowMs(startMs) {}

    qint64 nowMs() const override { return m_nowMs.load(std::memory_order_relaxed); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms, std::memory_order_relaxed); }
    void advanceSecs(qint64 secs) { m_nowMs.fetch_add(secs * 1000, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_nowMs;
};
