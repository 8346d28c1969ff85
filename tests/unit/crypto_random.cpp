#include "crypto/random.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void bytesHaveTheRequestedLength_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("0") << 0;
        QTest::newRow("1") << 1;
        QTest::newRow("32") << 32;
        QTest::newRow("1000") << 1000;
    }

    void bytesHaveTheRequestedLength()
    {
        QFETCH(int, count);
        QCOMPARE(Random::bytes(count).size(), count);
    }

    void bytesDiffer()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(Random::bytes(16));
        QCOMPARE(seen.size(), 1000);
    }

    void urlTokenIsUnpaddedBase64Url()
    {
        static const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]+$"));
        for (int count : {1, 2, 3, 16, 32, 33}) {
            const QString token = Random::urlToken(count);
            QVERIFY2(urlSafe.match(token).hasMatch(), qPrintable(token));
            QCOMPARE(token.size(), (count * 4 + 2) / 3);
            const QByteArray decoded = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
            QCOMPARE(decoded.size(), count);
        }
    }

    void base62Alphabet()
    {
        static const QRegularExpression alphabet(QStringLiteral("^[0-9A-Za-z]*$"));
        for (int length : {0, 1, 40, 500}) {
            const QString value = Random::base62(length);
            QCOMPARE(value.size(), length);
            QVERIFY(alphabet.match(value).hasMatch());
        }
    }

    void base62IsRoughlyUniform()
    {
        // 62,000 characters: each symbol is expected 1,000 times; a modulo bias towards
        // the first 8 symbols (256 % 62) would put them near 1,100. Bounds are > 6 sigma.
        const QString sample = Random::base62(62000);
        QHash<QChar, int> counts;
        for (QChar c : sample)
            ++counts[c];
        QCOMPARE(counts.size(), 62);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            QVERIFY2(it.value() > 800 && it.value() < 1200, qPrintable(QString(it.key())));
        }
        int firstEight = 0;
        for (QChar c : QStringLiteral("01234567"))
            firstEight += counts.value(c);
        QVERIFY2(firstEight < 8 * 1060, "modulo bias towards the first symbols");
    }
};

QTEST_GUILESS_MAIN(TestRandom)
#include "crypto_random.moc"
