#include "crypto/constanttime.h"
#include "crypto/hmacsha256.h"

#include <QTest>

#include <thread>
#include <vector>

class TestHmac : public QObject
{
    Q_OBJECT

private slots:
    void rfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expectedHex");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 4") << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
                                << QByteArray(50, '\xcd')
                                << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        QTest::newRow("case 6 (key longer than a block)")
            << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("empty key and data")
            << QByteArray() << QByteArray()
            << QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }

    void rfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expectedHex);
        const HmacSha256 hmac(key);
        QCOMPARE(hmac.mac(data).toHex(), expectedHex);
        // The context is reusable: a second MAC with the same object gives the same answer.
        QCOMPARE(hmac.mac(data).toHex(), expectedHex);
    }

    void partsAreConcatenated()
    {
        const HmacSha256 hmac("Jefe");
        QCOMPARE(hmac.mac({"what do ", "", "ya want for nothing?"}), hmac.mac("what do ya want for nothing?"));
    }

    void concurrentUse()
    {
        const HmacSha256 hmac("Jefe");
        const QByteArray expected = hmac.mac("what do ya want for nothing?");
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 2000; ++i) {
                    if (hmac.mac("what do ya want for nothing?") != expected)
                        ++wrong;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }

    void constantTimeEquality_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
        QTest::newRow("last byte") << QByteArray("abcdef") << QByteArray("abcdeF") << false;
        QTest::newRow("first byte") << QByteArray("abcdef") << QByteArray("Abcdef") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("one empty") << QByteArray() << QByteArray("a") << false;
    }

    void constantTimeEquality()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(a, b), equal);
    }
};

QTEST_GUILESS_MAIN(TestHmac)
#include "crypto_hmac.moc"
