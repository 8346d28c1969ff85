// WebSocket tokens: single use, 120 s, spent in two steps — consume() when the guard accepts
// the upgrade, redeem() when the WebSocket arrives (within 30 s, once) — and bounded.
#include "core/clock.h"
#include "core/wstokens.h"
#include "crypto/hmacsha256.h"

#include <QTest>

#include <memory>

class CoreWsTokensTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void consumedOnceThenRedeemedOnce();
    void redeemNeedsConsume();
    void expiry();
    void bounded();

private:
    GrantedPrincipal owner(qint64 accountId) const;

    MockClock m_clock{1'800'000'000'000};
    HmacSha256 m_pepper{QByteArrayView("a test pepper of some thirty-two bytes")};
    std::unique_ptr<WsTokens> m_tokens;
};

void CoreWsTokensTest::init()
{
    m_tokens = std::make_unique<WsTokens>(m_pepper, m_clock);
}

GrantedPrincipal CoreWsTokensTest::owner(qint64 accountId) const
{
    GrantedPrincipal granted;
    granted.principal.accountId = accountId;
    granted.principal.method = Principal::Method::Basic;
    granted.passwordHash = "$argon2id$stand-in";
    return granted;
}

void CoreWsTokensTest::consumedOnceThenRedeemedOnce()
{
    const QString token = m_tokens->issue(owner(7));
    QCOMPARE(token.size(), 43);
    const auto consumed = m_tokens->consume(token);
    QVERIFY(consumed);
    QCOMPARE(consumed->principal.accountId, 7);
    QVERIFY(!m_tokens->consume(token)); // a second upgrade with it is refused
    const auto redeemed = m_tokens->redeem(token);
    QVERIFY(redeemed);
    QCOMPARE(redeemed->passwordHash, QByteArray("$argon2id$stand-in"));
    QVERIFY(!m_tokens->redeem(token));
    QVERIFY(!m_tokens->consume(token));
    QCOMPARE(m_tokens->size(), 0);
}

void CoreWsTokensTest::redeemNeedsConsume()
{
    const QString token = m_tokens->issue(owner(7));
    QVERIFY(!m_tokens->redeem(token)); // a socket cannot skip the guard's decision
    QVERIFY(m_tokens->consume(token));
    QVERIFY(!m_tokens->redeem(QString(43, u'A')));
    QVERIFY(!m_tokens->redeem(QStringLiteral("short")));
}

void CoreWsTokensTest::expiry()
{
    const QString stale = m_tokens->issue(owner(1));
    m_clock.advanceSecs(WsTokens::LifetimeMs / 1000);
    QVERIFY(!m_tokens->consume(stale));
    const QString slow = m_tokens->issue(owner(2));
    QVERIFY(m_tokens->consume(slow));
    m_clock.advanceSecs(WsTokens::HandshakeMs / 1000);
    QVERIFY(!m_tokens->redeem(slow));
    QCOMPARE(m_tokens->size(), 0);
}

void CoreWsTokensTest::bounded()
{
    for (int i = 0; i < WsTokens::MaxTokens + 10; ++i)
        m_tokens->issue(owner(i));
    QCOMPARE(m_tokens->size(), WsTokens::MaxTokens);
}

QTEST_GUILESS_MAIN(CoreWsTokensTest)
#include "core_wstokens.moc"
