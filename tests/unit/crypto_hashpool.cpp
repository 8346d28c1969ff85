#include "crypto/hashpool.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

class TestHashPool : public QObject
{
    Q_OBJECT

private slots:
    void boundedQueue()
    {
        HashPool pool(1, 2);
        QCOMPARE(pool.capacity(), 2);
        QSemaphore started;
        QSemaphore gate;
        QList<int> results;
        QList<QThread*> doneThreads;
        const auto blockingJob = [&started, &gate](int value) {
            return std::function<int()>([&started, &gate, value] {
                started.release();
                gate.acquire();
                return value;
            });
        };
        const auto collect = [&results, &doneThreads](int value) {
            results << value;
            doneThreads << QThread::currentThread();
        };
        QVERIFY(pool.submit<int>(this, blockingJob(1), collect));
        QVERIFY(pool.submit<int>(this, blockingJob(2), collect));
        QVERIFY(started.tryAcquire(1, 10000)); // the first job runs, the second waits
        QCOMPARE(pool.inFlight(), 2);

        // Full: refused at once, never queued, and its work never runs.
        bool thirdRan = false;
        QVERIFY(!pool.submit<int>(
            this,
            [&thirdRan] {
                thirdRan = true;
                return 3;
            },
            collect));
        QCOMPARE(pool.inFlight(), 2);

        gate.release(2);
        QTRY_COMPARE(results, (QList<int>{1, 2}));
        QCOMPARE(doneThreads, (QList<QThread*>{QThread::currentThread(), QThread::currentThread()}));
        QCOMPARE(pool.inFlight(), 0);
        QVERIFY(!thirdRan);

        // Capacity is back.
        QVERIFY(pool.submit<int>(
            this, [] { return 4; }, collect));
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results.last(), 4);
    }

    void workRunsOffTheCallingThread()
    {
        HashPool pool(2, 8);
        QThread* workThread = nullptr;
        bool done = false;
        QVERIFY(pool.submit<QThread*>(
            this, [] { return QThread::currentThread(); },
            [&](QThread* thread) {
                workThread = thread;
                done = true;
            }));
        QTRY_VERIFY(done);
        QVERIFY(workThread != QThread::currentThread());
    }

    void resultsGoToTheContextsThread()
    {
        HashPool pool(1, 4);
        QThread receiverThread;
        receiverThread.start();
        QObject receiver;
        receiver.moveToThread(&receiverThread);
        std::atomic<QThread*> doneThread{nullptr};
        QVERIFY(pool.submit<QByteArray>(
            &receiver, [] { return QByteArray("hash"); },
            [&doneThread](QByteArray result) {
                if (result == "hash")
                    doneThread = QThread::currentThread();
            }));
        QTRY_VERIFY(doneThread.load() != nullptr);
        QCOMPARE(doneThread.load(), &receiverThread);
        receiverThread.quit();
        QVERIFY(receiverThread.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestHashPool)
#include "crypto_hashpool.moc"
