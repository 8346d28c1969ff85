// The logins between GET /auth/openid and its callback: single use, 10 minutes, bounded.
#include "core/clock.h"
#include "oidc/pendinglogins.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

class OidcPendingLoginsTest : public QObject
{
    Q_OBJECT

private slots:
    void stateIsBoundToNonceAndVerifier()
    {
        MockClock clock(1'000'000);
        PendingLogins logins(clock);
        const PendingLogins::Login begun = logins.begin();
        QCOMPARE(begun.state.size(), 43);
        QCOMPARE(begun.codeVerifier.size(), 43); // RFC 7636: 43 to 128 characters
        const QByteArray challenge = QCryptographicHash::hash(begun.codeVerifier, QCryptographicHash::Sha256)
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(begun.codeChallenge, QString::fromLatin1(challenge));
        const auto taken = logins.take(begun.state);
        QVERIFY(taken);
        QCOMPARE(taken->nonce, begun.nonce);
        QCOMPARE(taken->codeVerifier, begun.codeVerifier);
    }

    void stateIsSingleUse()
    {
        MockClock clock(1'000'000);
        PendingLogins logins(clock);
        const QString state = logins.begin().state;
        QVERIFY(logins.take(state));
        QVERIFY(!logins.take(state));
        QVERIFY(!logins.take(QStringLiteral("never-issued")));
        QVERIFY(!logins.take(QString()));
    }

    void stateExpiresAfterTenMinutes()
    {
        MockClock clock(1'000'000);
        PendingLogins logins(clock);
        const QString fresh = logins.begin().state;
        const QString stale = logins.begin().state;
        clock.advanceSecs(10 * 60 - 1);
        QVERIFY(logins.take(fresh));
        clock.advanceSecs(1);
        QVERIFY(!logins.take(stale));
    }

    void valuesAreUnique()
    {
        MockClock clock(1'000'000);
        PendingLogins logins(clock);
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const PendingLogins::Login login = logins.begin();
            for (const QString& value : {login.state, login.nonce, QString::fromLatin1(login.codeVerifier)})
                QVERIFY(!seen.contains(value));
            seen << login.state << login.nonce << QString::fromLatin1(login.codeVerifier);
        }
    }

    void floodDropsTheOldest()
    {
        MockClock clock(1'000'000);
        PendingLogins logins(clock);
        const QString oldest = logins.begin().state;
        clock.advanceSecs(1);
        const QString second = logins.begin().state;
        for (int i = 2; i < PendingLogins::MaxPending + 1; ++i)
            logins.begin();
        QCOMPARE(logins.size(), PendingLogins::MaxPending);
        QVERIFY(!logins.take(oldest));
        QVERIFY(logins.take(second));
    }
};

QTEST_GUILESS_MAIN(OidcPendingLoginsTest)
#include "oidc_pendinglogins.moc"
