#include "crypto/passwordpolicy.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

namespace {

const QString TooShort = QStringLiteral("Password must be at least 12 characters");
const QString TooLong = QStringLiteral("Password must be at most 1024 bytes");

QString repeated(const QString& unit, int times)
{
    return unit.repeated(times);
}

} // namespace

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void length_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("reason");                // empty = acceptable
        const QString emoji = QStringLiteral("\U0001F511"); // 🔑, a surrogate pair in UTF-16
        QTest::newRow("empty") << QString() << TooShort;
        QTest::newRow("11 ASCII") << QStringLiteral("k7#Qz!m2Lp9") << TooShort;
        QTest::newRow("12 ASCII") << QStringLiteral("k7#Qz!m2Lp9x") << QString();
        QTest::newRow("11 emoji (22 UTF-16 units)") << repeated(emoji, 11) << TooShort;
        QTest::newRow("12 emoji") << repeated(emoji, 12) << QString();
        QTest::newRow("11 code points with one emoji") << QStringLiteral("abcdefghij") + emoji << TooShort;
        // e + U+0301 composes to é under NFKC: 17 code points typed, 11 after normalisation.
        QTest::newRow("combining accents compose")
            << repeated(QStringLiteral("e\u0301"), 6) + QStringLiteral("abcde") << TooShort;
        QTest::newRow("precomposed accents") << repeated(QStringLiteral("\u00e9"), 12) << QString();
        // U+FB03 (ﬃ) becomes "ffi": 4 code points typed, 12 after normalisation.
        QTest::newRow("ligature expands") << repeated(QStringLiteral("\uFB03"), 4) << QString();
        QTest::newRow("12 fullwidth letters") << QStringLiteral("ＡＢＣＤＥＦＧＨＩＪＫＬ") << QString();
        QTest::newRow("1024 bytes ASCII") << repeated(QStringLiteral("a"), 1024) << QString();
        QTest::newRow("1025 bytes ASCII") << repeated(QStringLiteral("a"), 1025) << TooLong;
        QTest::newRow("1024 bytes with euro signs")
            << repeated(QStringLiteral("€"), 341) + QStringLiteral("a") << QString();
        QTest::newRow("1025 bytes with euro signs")
            << repeated(QStringLiteral("€"), 341) + QStringLiteral("ab") << TooLong;
        QTest::newRow("1024 bytes of emoji") << repeated(emoji, 256) << QString();
        QTest::newRow("1028 bytes of emoji") << repeated(emoji, 257) << TooLong;
        // 512 fullwidth letters are 1,536 UTF-8 bytes as typed, 512 after NFKC.
        QTest::newRow("fullwidth counted after NFKC") << repeated(QStringLiteral("Ａ"), 512) << QString();
        // U+FDFA is one code point that NFKC expands to 18: 57 of them are 1,026 bytes.
        QTest::newRow("expansion past the limit") << repeated(QStringLiteral("\uFDFA"), 57) << TooLong;
    }

    void length()
    {
        QFETCH(QString, password);
        QFETCH(QString, reason);
        const PasswordCheck check = PasswordPolicy::checkLength(password);
        QCOMPARE(check.acceptable, reason.isEmpty());
        QCOMPARE(check.reason, reason);
        QCOMPARE(check.normalized, password.normalized(QString::NormalizationForm_KC).toUtf8());
    }

    void normalize()
    {
        QCOMPARE(PasswordPolicy::normalize(QStringLiteral("ＡＢＣ")), QByteArray("ABC"));
        QCOMPARE(PasswordPolicy::normalize(QStringLiteral("e\u0301")), QByteArray("\xC3\xA9"));
        QCOMPARE(PasswordPolicy::normalize(QStringLiteral("\uFB03")), QByteArray("ffi"));
        // The same password typed either way hashes the same.
        QCOMPARE(PasswordPolicy::normalize(QStringLiteral("caf\u00e9")),
                 PasswordPolicy::normalize(QStringLiteral("cafe\u0301")));
    }

    void dictionary_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("password1234") << QStringLiteral("password1234") << false;
        QTest::newRow("Password1234") << QStringLiteral("Password1234") << false;
        QTest::newRow("1234password") << QStringLiteral("1234password") << false;
        QTest::newRow("password123!") << QStringLiteral("password123!") << false;
        QTest::newRow("123456789012") << QStringLiteral("123456789012") << false;
        QTest::newRow("qwertyuiop12") << QStringLiteral("qwertyuiop12") << false;
        QTest::newRow("iloveyou1234") << QStringLiteral("iloveyou1234") << false;
        QTest::newRow("sunshine2024") << QStringLiteral("sunshine2024") << false;
        QTest::newRow("abcdefghijkl") << QStringLiteral("abcdefghijkl") << false;
        QTest::newRow("monkey123456") << QStringLiteral("monkey123456") << false;
        QTest::newRow("fullwidth password1234") << QStringLiteral("ｐａｓｓｗｏｒｄ１２３４") << false;
        QTest::newRow("passphrase") << QStringLiteral("correct horse battery staple") << true;
        QTest::newRow("Tr0ub4dour&3-extended") << QStringLiteral("Tr0ub4dour&3-extended") << true;
        QTest::newRow("zebra-oven-quantum-7") << QStringLiteral("zebra-oven-quantum-7") << true;
        QTest::newRow("random base62") << QStringLiteral("q8ZtW3nRk1Lx") << true;
        QTest::newRow("non-Latin") << QStringLiteral("日本語のパスワードです") + QStringLiteral("12") << true;
    }

    void dictionary()
    {
        QFETCH(QString, password);
        QFETCH(bool, acceptable);
        const PasswordCheck check = PasswordPolicy::check(password);
        QVERIFY2(check.acceptable == acceptable, qPrintable(check.reason));
        QCOMPARE(check.reason.isEmpty(), acceptable);
        if (!acceptable) {
            // The reason is for the client: it must never echo the password.
            QVERIFY(!check.reason.contains(password, Qt::CaseInsensitive));
        }
        QCOMPARE(check.normalized, PasswordPolicy::normalize(password));
    }

    void lengthIsCheckedFirst()
    {
        QCOMPARE(PasswordPolicy::check(QStringLiteral("password")).reason, TooShort);
        QCOMPARE(PasswordPolicy::check(QStringLiteral("a").repeated(1025)).reason, TooLong);
    }

    void concurrentChecks()
    {
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&wrong] {
                for (int i = 0; i < 10; ++i) {
                    if (PasswordPolicy::check(QStringLiteral("password1234")).acceptable
                        || !PasswordPolicy::check(QStringLiteral("correct horse battery staple")).acceptable)
                        ++wrong;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "crypto_passwordpolicy.moc"
