#include "crypto/selftest.h"

#include <QTest>

class TestSelfTest : public QObject
{
    Q_OBJECT

private slots:
    void passes()
    {
        QString failure;
        QVERIFY2(CryptoSelfTest::run(&failure), qPrintable(failure));
        QVERIFY(failure.isEmpty());
    }

    void nullFailureIsAllowed() { QVERIFY(CryptoSelfTest::run(nullptr)); }

    void repeatable()
    {
        // It runs at every start-up: cheap, and the same answer each time.
        for (int i = 0; i < 5; ++i)
            QVERIFY(CryptoSelfTest::run(nullptr));
    }
};

QTEST_GUILESS_MAIN(TestSelfTest)
#include "crypto_selftest.moc"
