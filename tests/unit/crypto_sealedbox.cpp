// Secrets at rest: XChaCha20-Poly1305 under the key store's sealing key, bound to what they
// are for.
#include "crypto/sealedbox.h"

#include <QTest>

namespace {

const QByteArray Key(32, 'k');
const QByteArray OtherKey(32, 'o');
const QByteArray Secret = "client secret: 0123456789abcdef";
const QByteArray Purpose = "oidc client secret\nhttps://op.example.org\ngatehouse";

} // namespace

class CryptoSealedBoxTest : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const QByteArray sealed = SealedBox::seal(Key, Secret, Purpose);
        QVERIFY(sealed.startsWith("v1:"));
        QVERIFY(!sealed.contains(Secret) && !QByteArray::fromBase64(sealed.mid(3)).contains(Secret));
        QCOMPARE(SealedBox::open(Key, sealed, Purpose), std::optional<QByteArray>(Secret));
        QCOMPARE(SealedBox::open(Key, SealedBox::seal(Key, {}, Purpose), Purpose), std::optional<QByteArray>(""));
    }

    void freshNonceEachTime()
    {
        QVERIFY(SealedBox::seal(Key, Secret, Purpose) != SealedBox::seal(Key, Secret, Purpose));
    }

    void refusesAnotherKeyOrPurpose()
    {
        const QByteArray sealed = SealedBox::seal(Key, Secret, Purpose);
        QVERIFY(!SealedBox::open(OtherKey, sealed, Purpose));
        QVERIFY(!SealedBox::open(Key, sealed, "oidc client secret\nhttps://op.example.org\nanother-client"));
        QVERIFY(!SealedBox::open(QByteArray(16, 'k'), sealed, Purpose));
        QVERIFY(SealedBox::seal(QByteArray(16, 'k'), Secret, Purpose).isEmpty());
    }

    void refusesChangedOrMalformed()
    {
        const QByteArray sealed = SealedBox::seal(Key, Secret, Purpose);
        QByteArray box = QByteArray::fromBase64(sealed.mid(3));
        for (int i = 0; i < box.size(); ++i) {
            QByteArray changed = box;
            changed[i] = char(changed[i] ^ 0x01);
            QVERIFY(!SealedBox::open(Key, QByteArray("v1:" + changed.toBase64()), Purpose));
        }
        QVERIFY(!SealedBox::open(Key, QByteArray("v2:" + box.toBase64()), Purpose));
        QVERIFY(!SealedBox::open(Key, "v1:%%%", Purpose));
        QVERIFY(
            !SealedBox::open(Key, QByteArray("v1:" + box.left(39).toBase64()), Purpose)); // shorter than nonce + tag
        QVERIFY(!SealedBox::open(Key, {}, Purpose));
    }
};

QTEST_GUILESS_MAIN(CryptoSealedBoxTest)
#include "crypto_sealedbox.moc"
