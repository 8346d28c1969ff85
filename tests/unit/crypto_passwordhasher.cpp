#include "crypto/passwordhasher.h"
#include "tests/testsupport/pythonbcrypt.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using PasswordHasher::Verdict;
Q_DECLARE_METATYPE(Verdict)

namespace {

const QByteArray Password = "correct horse battery staple";

}

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const QByteArray hash = PasswordHasher::hash(Password);
        QVERIFY2(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash.constData());
        QCOMPARE(PasswordHasher::verify(Password, hash), Verdict::Match);
        QVERIFY(!PasswordHasher::needsRehash(hash));
        // Salted: the same password never gives the same string twice.
        QVERIFY(PasswordHasher::hash(Password) != hash);
    }

    void mismatch()
    {
        const QByteArray hash = PasswordHasher::hash(Password);
        QCOMPARE(PasswordHasher::verify("correct horse battery stapl", hash), Verdict::Mismatch);
        QCOMPARE(PasswordHasher::verify("", hash), Verdict::Mismatch);
    }

    void unicodePassword()
    {
        const QByteArray password = QStringLiteral("pässwörd-日本語-🔑").toUtf8();
        QCOMPARE(PasswordHasher::verify(password, PasswordHasher::hash(password)), Verdict::Match);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("garbage");
        QTest::newRow("argon2id prefix only") << QByteArray("$argon2id$");
        QTest::newRow("argon2id bad parameters") << QByteArray("$argon2id$v=19$m=x,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");
        QTest::newRow("argon2id truncated")
            << QByteArray("$argon2id$v=19$m=19456,t=1,p=1$8ptof1kqJchudPy/K/kysA$eWLxHoqae2j1UaA0");
        QTest::newRow("argon2id too long") << QByteArray("$argon2id$v=19$m=19456,t=2,p=1$") + QByteArray(300, 'A');
        QTest::newRow("argon2d") << QByteArray("$argon2d$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA");
        QTest::newRow("bcrypt short") << QByteArray("$2b$04$short");
        QTest::newRow("bcrypt cost 99") << QByteArray("$2b$99$kJtf5UKLFqvrMTDeMNQLCuN/1tj6yquMTUWRGo4fTOsiRp/2PDNbe");
        QTest::newRow("bcrypt cost 31") << QByteArray("$2b$31$kJtf5UKLFqvrMTDeMNQLCuN/1tj6yquMTUWRGo4fTOsiRp/2PDNbe");
        QTest::newRow("bcrypt cost 03") << QByteArray("$2b$03$kJtf5UKLFqvrMTDeMNQLCuN/1tj6yquMTUWRGo4fTOsiRp/2PDNbe");
        QTest::newRow("bcrypt bad alphabet")
            << QByteArray("$2b$04$kJtf5UKLFqvrMTDeMNQLCuN/1tj6yquMTUWRGo4fTOsiRp/2PD!!!");
        QTest::newRow("bcrypt 2x") << QByteArray("$2x$04$kJtf5UKLFqvrMTDeMNQLCuN/1tj6yquMTUWRGo4fTOsiRp/2PDNbe");
        QTest::newRow("md5crypt") << QByteArray("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/");
        QTest::newRow("sha512crypt") << QByteArray("$6$saltsalt$abc");
        QTest::newRow("embedded NUL") << QByteArray("$argon2id$\0v=19", 15);
    }

    void malformed()
    {
        QFETCH(QByteArray, stored);
        QCOMPARE(PasswordHasher::verify(Password, stored), Verdict::Malformed);
        QVERIFY(PasswordHasher::needsRehash(stored));
    }

    void bcryptFromPython_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("$2b$") << QByteArray("2b");
        QTest::newRow("$2a$") << QByteArray("2a");
    }

    void bcryptFromPython()
    {
        QFETCH(QByteArray, prefix);
        const QByteArray hash = PythonBcrypt::hash(Password, 4, prefix);
        QVERIFY2(hash.startsWith(QByteArray('$' + prefix + "$04$")), hash.constData());
        QCOMPARE(PasswordHasher::verify(Password, hash), Verdict::Match);
        QCOMPARE(PasswordHasher::verify("Correct horse battery staple", hash), Verdict::Mismatch);
        QVERIFY(PasswordHasher::needsRehash(hash));
        // $2y$ (PHP's name) is the same algorithm as $2b$.
        if (prefix == "2b") {
            const QByteArray php = "$2y$" + hash.mid(4);
            QCOMPARE(PasswordHasher::verify(Password, php), Verdict::Match);
            QVERIFY(PasswordHasher::needsRehash(php));
        }
    }

    void bcryptRefusesEmbeddedNul()
    {
        const QByteArray hash = PythonBcrypt::hash("abc", 4);
        QVERIFY(!hash.isEmpty());
        QCOMPARE(PasswordHasher::verify("abc", hash), Verdict::Match);
        QCOMPARE(PasswordHasher::verify(QByteArray("abc\0xyz", 7), hash), Verdict::Mismatch);
    }

    void weakerArgon2NeedsRehash_data()
    {
        // Made with libsodium for "correct horse battery staple".
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("argon2id t=1") << QByteArray(
            "$argon2id$v=19$m=19456,t=1,p=1$8ptof1kqJchudPy/K/kysA$eWLxHoqae2j1UaA0dAfr7KqLqy4m6BDd4o9CAnSR/2E");
        QTest::newRow("argon2id m=12 MiB") << QByteArray(
            "$argon2id$v=19$m=12288,t=2,p=1$e581ApptlTJY/Y9/gnjSJw$9h6N/YkRozlTrnZbIqteu/VJ4nZh3BTv7ZdTOv4n2JI");
        QTest::newRow("argon2i") << QByteArray(
            "$argon2i$v=19$m=19456,t=3,p=1$+U0iCgpYOJhW9/0uW0KHog$5XrFREaXhFGZv5hhNCkQcS7jZJ+rPl5QNPHxOwrXQwc");
    }

    void weakerArgon2NeedsRehash()
    {
        QFETCH(QByteArray, stored);
        QCOMPARE(PasswordHasher::verify(Password, stored), Verdict::Match);
        QCOMPARE(PasswordHasher::verify("wrong password", stored), Verdict::Mismatch);
        QVERIFY(PasswordHasher::needsRehash(stored));
    }

    void concurrentVerification()
    {
        const QByteArray bcrypt = PythonBcrypt::hash(Password, 4);
        const QByteArray argon2 = PasswordHasher::hash(Password);
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 5; ++i) {
                    const QByteArray candidate = (i + t) % 2 ? Password : QByteArray("nope nope nope");
                    const Verdict expected = (i + t) % 2 ? Verdict::Match : Verdict::Mismatch;
                    if (PasswordHasher::verify(candidate, bcrypt) != expected
                        || PasswordHasher::verify(candidate, argon2) != expected)
                        ++wrong;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }

    void burnVerifyTime()
    {
        // No result to check; it must simply run (and keep running) without a hash to compare.
        PasswordHasher::burnVerifyTime(Password);
        PasswordHasher::burnVerifyTime(QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "crypto_passwordhasher.moc"
