// GET /api/me's body, kept per account and method: built once while what it shows stays the
// same, and again whenever any of it changes (a field of the account, the caller's
// permissions, the way it authenticated).
#include "http/meanswers.h"

#include <QTest>

namespace {

AccountRecord alice()
{
    AccountRecord account;
    account.id = 7;
    account.username = QStringLiteral("alice");
    account.role = QStringLiteral("operator");
    account.passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    account.createdAtMs = 1'780'000'000'000;
    account.updatedAtMs = 1'780'000'000'000;
    return account;
}

} // namespace

class HttpMeAnswersTest : public QObject
{
    Q_OBJECT

private slots:
    void builtOnceWhileUnchanged();
    void builtAgainOnEveryChange();
};

void HttpMeAnswersTest::builtOnceWhileUnchanged()
{
    MeAnswers answers;
    int builds = 0;
    const auto build = [&builds] { return QByteArray::number(++builds); };
    const QStringList permissions{QStringLiteral("page:read")};
    QCOMPARE(answers.bodyFor(alice(), Principal::Method::Bearer, permissions, build), QByteArray("1"));
    QCOMPARE(answers.bodyFor(alice(), Principal::Method::Bearer, permissions, build), QByteArray("1"));
    AccountRecord rehashed = alice(); // a new password changes nothing /api/me shows
    rehashed.passwordHash = "$argon2id$other";
    QCOMPARE(answers.bodyFor(rehashed, Principal::Method::Bearer, permissions, build), QByteArray("1"));
    QCOMPARE(builds, 1);
}

void HttpMeAnswersTest::builtAgainOnEveryChange()
{
    MeAnswers answers;
    int builds = 0;
    const auto build = [&builds] { return QByteArray::number(++builds); };
    const QStringList permissions{QStringLiteral("page:read")};
    answers.bodyFor(alice(), Principal::Method::Bearer, permissions, build);

    const std::function<void(AccountRecord&)> changes[] = {
        [](AccountRecord& a) { a.username = QStringLiteral("alicia"); },
        [](AccountRecord& a) { a.firstname = QStringLiteral("Alice"); },
        [](AccountRecord& a) { a.lastname = QStringLiteral("Liddell"); },
        [](AccountRecord& a) { a.role = QStringLiteral("viewer"); },
        [](AccountRecord& a) { a.disabled = true; },
        [](AccountRecord& a) { a.createdAtMs += 1; },
        [](AccountRecord& a) { a.updatedAtMs += 1; },
    };
    int expected = 1;
    for (const auto& change : changes) {
        AccountRecord changed = alice();
        change(changed);
        QCOMPARE(answers.bodyFor(changed, Principal::Method::Bearer, permissions, build),
                 QByteArray::number(++expected));
        answers.bodyFor(alice(), Principal::Method::Bearer, permissions, build); // and back
        ++expected;
    }
    const QStringList fewer;
    QCOMPARE(answers.bodyFor(alice(), Principal::Method::Bearer, fewer, build), QByteArray::number(++expected));
    QCOMPARE(answers.bodyFor(alice(), Principal::Method::Basic, fewer, build), QByteArray::number(++expected));
    QCOMPARE(answers.bodyFor(alice(), Principal::Method::Bearer, fewer, build), QByteArray::number(expected - 1));
    AccountRecord bob = alice();
    bob.id = 8;
    QCOMPARE(answers.bodyFor(bob, Principal::Method::Bearer, fewer, build), QByteArray::number(++expected));
}

QTEST_GUILESS_MAIN(HttpMeAnswersTest)
#include "http_meanswers.moc"
