#include "crypto/apitokenformat.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

// The API token format of API.md: "gatehouse_" + 34 random base62 + 6 base62 of CRC-32.
class TestApiTokenFormat : public QObject
{
    Q_OBJECT

private slots:
    // zlib's CRC-32 check values, so a scanner written with zlib agrees with us.
    void crc32MatchesZlib_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<quint32>("crc");
        QTest::newRow("empty") << QByteArray() << 0u;
        QTest::newRow("check value") << QByteArray("123456789") << 0xCBF43926u;
        QTest::newRow("fox") << QByteArray("The quick brown fox jumps over the lazy dog") << 0x414FA339u;
    }

    void crc32MatchesZlib()
    {
        QFETCH(QByteArray, data);
        QFETCH(quint32, crc);
        QCOMPARE(ApiTokenFormat::crc32(data), crc);
    }

    void generatedTokensHaveTheDocumentedShape()
    {
        static const QRegularExpression shape(QStringLiteral("^gatehouse_[0-9A-Za-z]{40}$"));
        QSet<QByteArray> seen;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray token = ApiTokenFormat::generate();
            QVERIFY2(shape.match(QString::fromLatin1(token)).hasMatch(), token.constData());
            QVERIFY(ApiTokenFormat::isWellFormed(token));
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 2000);
    }

    // The checksum written out by hand: base62 of the CRC-32 of the 34 random characters.
    void checksumIsBase62OfCrc32()
    {
        const QByteArray token = ApiTokenFormat::generate();
        const QByteArray random = token.mid(10, 34);
        quint32 crc = ApiTokenFormat::crc32(random);
        static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        QByteArray expected(6, '0');
        for (int i = 5; i >= 0; --i) {
            expected[i] = alphabet[crc % 62];
            crc /= 62;
        }
        QCOMPARE(token.right(6), expected);
    }

    void malformedTokensAreRejected_data()
    {
        const QByteArray good = ApiTokenFormat::generate();
        QByteArray flipped = good;
        flipped[20] = flipped[20] == 'a' ? 'b' : 'a';
        QByteArray badChecksum = good;
        badChecksum[49] = badChecksum[49] == '0' ? '1' : '0';
        QByteArray badAlphabet = good;
        badAlphabet[15] = '-';
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("random part changed") << flipped;
        QTest::newRow("checksum changed") << badChecksum;
        QTest::newRow("character outside base62") << badAlphabet;
        QTest::newRow("truncated") << good.chopped(1);
        QTest::newRow("longer") << good + 'x';
        QTest::newRow("other prefix") << QByteArray("flecto_" + good.mid(10));
        QTest::newRow("upper-case prefix") << QByteArray("GATEHOUSE_" + good.mid(10));
        QTest::newRow("empty") << QByteArray();
    }

    void malformedTokensAreRejected()
    {
        QFETCH(QByteArray, token);
        QVERIFY(!ApiTokenFormat::isWellFormed(token));
    }

    void hintShowsOnlyThePrefixAndTheLastCharacters()
    {
        const QByteArray token = ApiTokenFormat::generate();
        const QString hint = ApiTokenFormat::hint(token);
        QVERIFY(hint.startsWith(u"gatehouse_"));
        QVERIFY(hint.endsWith(QString::fromLatin1(token.right(4))));
        QVERIFY(!hint.contains(QString::fromLatin1(token.mid(10, 34))));
        QCOMPARE(hint.size(), 10 + 1 + 4);
    }
};

QTEST_GUILESS_MAIN(TestApiTokenFormat)
#include "crypto_apitokenformat.moc"
