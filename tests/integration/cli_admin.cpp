// gatehoused's administration commands: users, sessions, ratelimit and passwd --user, with
// --json, one-line reasons for bad input, bcrypt import, and their effect on a server that
// runs on the same data directory (it follows external changes within about a second).
#include "tests/testsupport/flexclient.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/pythonbcrypt.h"
#include "tests/testsupport/testhelpers.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString AdminPassword = QStringLiteral("Admin-cli-Passw0rd-41");
const QString UserPassword = QStringLiteral("User-cli-Passw0rd-73");

// A well-formed bcrypt hash ("$2b$04$", 22 salt and 31 hash characters, each ending in a
// character whose unused bits are zero) that the tests spoil one way at a time.
const QString WellFormedHash = QStringLiteral("$2b$04$abcdefghijklmnopqrstuO1234567890ABCDEFGHIJKLMNOPQRSTu");

// The server's address as the limiter records it (tests connect over IPv4 loopback).
const QString Loopback = QStringLiteral("127.0.0.1");

GatehousedProcess::RunResult gatehoused(const QString& dataDir, const QStringList& args, const QByteArray& input = {})
{
    return GatehousedProcess::run(args + QStringList{QStringLiteral("--data-dir"), dataDir},
                                  GatehousedProcess::testEnvironment(), input);
}

// "users list --json" -> {"users", "list", "--json"}
QStringList words(const char* line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

QJsonObject jsonOf(const GatehousedProcess::RunResult& result)
{
    return QJsonDocument::fromJson(result.stdoutData).object();
}

QString describe(const GatehousedProcess::RunResult& result)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.stdoutData.left(600)), QString::fromUtf8(result.stderrData.left(600)));
}

// stderr is exactly one line, "gatehoused <command>: <reason>" (no log lines at all).
bool isOneLineReason(const QByteArray& stderrData, const QString& command)
{
    const QList<QByteArray> lines = stderrData.trimmed().split('\n');
    return lines.size() == 1 && lines.first().startsWith(QStringLiteral("gatehoused %1: ").arg(command).toUtf8());
}

QStringList usernames(const QJsonObject& usersList)
{
    QStringList names;
    for (const QJsonValue& user : usersList.value(QStringLiteral("users")).toArray())
        names.append(user.toObject().value(QStringLiteral("username")).toString());
    return names;
}

// One value read straight from the data directory's SQLite file, past every cache.
QVariant storedValue(const QString& dataDir, const QString& sql, const QVariant& bound)
{
    static int connections = 0;
    const QString name = QStringLiteral("cli_admin_%1").arg(++connections);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("gatehouse.db")));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            query.addBindValue(bound);
            if (query.exec() && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QByteArray storedHash(const QString& dataDir, const QString& username)
{
    return storedValue(dataDir, QStringLiteral("SELECT password_hash FROM accounts WHERE username = ?"), username)
        .toByteArray();
}

QString auditActor(const QString& dataDir, const QString& kind)
{
    return storedValue(dataDir, QStringLiteral("SELECT actor FROM audit_events WHERE kind = ? ORDER BY id DESC"), kind)
        .toString();
}

} // namespace

// A gatehoused serving plain HTTP on a data directory (token bucket off: the tests poll).
struct Served
{
    GatehousedProcess process;
    HttpClient http;
    FlexClient flex{http, [this](const QString& path) { return QUrl(process.url(path)); }};

    bool start(const QString& dataDir)
    {
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("GLOBAL_RATE_LIMIT_RPS"), QStringLiteral("0"));
        return process.start(dataDir, false, {}, GatehousedProcess::testEnvironment(extra));
    }
    // GET /flex/auth/session with HTTP Basic: any account's password check, no session made.
    int basicStatus(const QString& user, const QString& password)
    {
        return http.get(flex.url(QStringLiteral("/flex/auth/session")), HttpClient::basic(user, password)).status;
    }
};

class CliAdminTest : public QObject
{
    Q_OBJECT

private slots:
    void helpListsSubcommands();
    void usersAddListRemove();
    void usersTable();
    void badInput_data();
    void badInput();
    void duplicateUser();
    void wellFormedHashAccepted();
    void passwdForAnyUser();
    void bcryptImport_data();
    void bcryptImport();
    void usersRemoveWhileServing();
    void sessionsListAndRevoke();
    void ratelimitListAndUnblock();

private:
    static bool addUser(const QString& dataDir, const QString& name, const QString& role);
    static bool setAdminPassword(const QString& dataDir);
};

bool CliAdminTest::addUser(const QString& dataDir, const QString& name, const QString& role)
{
    const auto result =
        gatehoused(dataDir, {QStringLiteral("users"), QStringLiteral("add"), name, QStringLiteral("--role"), role},
                   UserPassword.toUtf8() + '\n');
    return result.finished && result.exitCode == 0;
}

bool CliAdminTest::setAdminPassword(const QString& dataDir)
{
    // Authentication is enabled only once admin has a password; until then credentials are ignored.
    const auto result = gatehoused(dataDir, words("passwd"), AdminPassword.toUtf8() + '\n');
    return result.finished && result.exitCode == 0;
}

void CliAdminTest::helpListsSubcommands()
{
    const auto result = GatehousedProcess::run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char* word : {"passwd", "users list", "users add", "users remove", "--bcrypt-hash", "sessions list",
                             "sessions revoke", "ratelimit list", "ratelimit unblock", "--json"})
        QVERIFY2(result.stdoutData.contains(word), word);
}

void CliAdminTest::usersAddListRemove()
{
    QTemporaryDir dir;
    const auto added =
        gatehoused(dir.path(), words("users add alice --role operator --firstname Alice --lastname Liddell --json"),
                   UserPassword.toUtf8() + '\n');
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY(!added.stdoutData.contains(UserPassword.toUtf8()) && !added.stderrData.contains(UserPassword.toUtf8()));
    const QJsonObject user = jsonOf(added).value(QStringLiteral("user")).toObject();
    QCOMPARE(user.keys(),
             (QStringList{QStringLiteral("created_at"), QStringLiteral("disabled"), QStringLiteral("firstname"),
                          QStringLiteral("id"), QStringLiteral("lastname"), QStringLiteral("role"),
                          QStringLiteral("updated_at"), QStringLiteral("username")}));
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(user.value(QStringLiteral("firstname")).toString(), QStringLiteral("Alice"));
    QCOMPARE(user.value(QStringLiteral("lastname")).toString(), QStringLiteral("Liddell"));
    QCOMPARE(user.value(QStringLiteral("disabled")), QJsonValue(false));
    QVERIFY(user.value(QStringLiteral("id")).toInteger() > 0);
    static const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"));
    QVERIFY(iso.match(user.value(QStringLiteral("created_at")).toString()).hasMatch());
    QVERIFY(storedHash(dir.path(), QStringLiteral("alice")).startsWith("$argon2id$"));
    QCOMPARE(auditActor(dir.path(), QStringLiteral("user.created")), QStringLiteral("cli"));

    const auto listed = gatehoused(dir.path(), words("users list --json"));
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    QCOMPARE(usernames(jsonOf(listed)), (QStringList{QStringLiteral("admin"), QStringLiteral("alice")}));
    QVERIFY(!listed.stdoutData.contains("argon2") && !listed.stdoutData.contains("hash"));

    const auto removed = gatehoused(dir.path(), words("users remove alice --json"));
    QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));
    QCOMPARE(jsonOf(removed).value(QStringLiteral("removed")).toObject().value(QStringLiteral("username")).toString(),
             QStringLiteral("alice"));
    const auto after = gatehoused(dir.path(), words("users list --json"));
    QCOMPARE(usernames(jsonOf(after)), QStringList{QStringLiteral("admin")});
    QCOMPARE(auditActor(dir.path(), QStringLiteral("user.removed")), QStringLiteral("cli"));
}

void CliAdminTest::usersTable()
{
    QTemporaryDir dir;
    QVERIFY(addUser(dir.path(), QStringLiteral("bob"), QStringLiteral("viewer")));
    const auto listed = gatehoused(dir.path(), words("users list"));
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    const QList<QByteArray> lines = listed.stdoutData.trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // header, admin, bob
    QVERIFY(lines.at(0).startsWith("ID") && lines.at(0).contains("USERNAME") && lines.at(0).contains("ROLE"));
    QVERIFY(lines.at(2).contains("bob") && lines.at(2).contains("viewer"));
}

void CliAdminTest::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("command"); // as the reason line names it
    QTest::addColumn<QString>("reason");  // a part of the reason

    const QByteArray password = UserPassword.toUtf8() + '\n';
    const auto row = [](const char* name, const char* args, const QByteArray& input, const char* command,
                        const char* reason) {
        QTest::newRow(name) << words(args) << input << QString::fromUtf8(command) << QString::fromUtf8(reason);
    };
    row("bad role", "users add bob --role root", password, "users add", "unknown role");
    row("missing role", "users add bob", password, "users add", "missing --role");
    row("missing name", "users add --role viewer", password, "users add", "missing NAME");
    row("bad name", "users add bob/smith --role viewer", password, "users add", "usernames");
    row("weak password", "users add bob --role viewer", "password1234\n", "users add", "");
    row("no password", "users add bob --role viewer", {}, "users add", "no password");
    row("hash: malformed on stdin", "users add bob --role viewer --bcrypt-hash -", "$2b$04$nonsense\n", "users add",
        "malformed bcrypt hash");
    row("remove unknown", "users remove nobody", {}, "users remove", "no user");
    row("remove admin", "users remove admin", {}, "users remove", "admin");
    row("unknown subcommand", "users delete bob", {}, "users", "unknown subcommand");
    row("missing subcommand", "users", {}, "users", "missing subcommand");
    row("extra argument", "users list everyone", {}, "users list", "unexpected argument");
    row("option of another command", "users list --role admin", {}, "users list", "--role does not apply");
    row("passwd unknown user", "passwd --user nobody", password, "passwd", "no user");
    row("passwd --json", "passwd --json", password, "passwd", "--json does not apply");
    row("revoke unknown session", "sessions revoke no-such-session", {}, "sessions revoke", "no live session");
    row("revoke without id", "sessions revoke", {}, "sessions revoke", "missing ID");
    row("unblock not an address", "ratelimit unblock 10.0.0.300", {}, "ratelimit unblock", "not an IP address");
    row("unblock not blocked", "ratelimit unblock 192.0.2.7", {}, "ratelimit unblock", "not blocked");

    const QString good = WellFormedHash;
    const QList<std::pair<const char*, QString>> malformed = {
        {"hash: $2x$", QString(good).replace(2, 1, u'x')},
        {"hash: md5-crypt", QStringLiteral("$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0")},
        {"hash: argon2id", QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")},
        {"hash: too short", good.chopped(1)},
        {"hash: too long", good + u'u'},
        {"hash: cost 03", QString(good).replace(4, 2, QStringLiteral("03"))},
        {"hash: cost 31", QString(good).replace(4, 2, QStringLiteral("31"))},
        {"hash: bad character", QString(good).replace(20, 1, u'!')},
        {"hash: salt not canonical", QString(good).replace(28, 1, u'P')},
        {"hash: digest not canonical", QString(good).replace(59, 1, u'v')},
        {"hash: empty", QString()},
    };
    for (const auto& [name, hash] : malformed) {
        QTest::newRow(name) << words("users add bob --role viewer --bcrypt-hash") + QStringList{hash} << QByteArray()
                            << QStringLiteral("users add") << QStringLiteral("malformed bcrypt hash");
    }
}

void CliAdminTest::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, command);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const auto result = gatehoused(dir.path(), args, input);
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode != 0, qPrintable(describe(result)));
    QVERIFY2(isOneLineReason(result.stderrData, command), qPrintable(describe(result)));
    QVERIFY2(result.stderrData.contains(reason.toUtf8()), qPrintable(describe(result)));
    for (const QString& arg : args) {
        if (arg.startsWith(u'$'))
            QVERIFY2(!result.stderrData.contains(arg.toUtf8()), "the reason echoes the hash");
    }
    const QByteArray secret = input.trimmed(); // a password or a hash
    QVERIFY2(secret.size() < 6 || !result.stderrData.contains(secret), "the reason echoes stdin");
    QVERIFY(result.stdoutData.isEmpty());

    // Nothing was changed: admin is still there, alone.
    const auto listed = gatehoused(dir.path(), words("users list --json"));
    QCOMPARE(usernames(jsonOf(listed)), QStringList{QStringLiteral("admin")});
}

void CliAdminTest::duplicateUser()
{
    QTemporaryDir dir;
    QVERIFY(addUser(dir.path(), QStringLiteral("carol"), QStringLiteral("viewer")));
    const auto again = gatehoused(dir.path(), words("users add carol --role admin"), UserPassword.toUtf8() + '\n');
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(isOneLineReason(again.stderrData, QStringLiteral("users add")), qPrintable(describe(again)));
    QVERIFY(again.stderrData.contains("exists"));
    const auto listed = gatehoused(dir.path(), words("users list --json"));
    const QJsonArray users = jsonOf(listed).value(QStringLiteral("users")).toArray();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
}

void CliAdminTest::wellFormedHashAccepted()
{
    // The counterpart of the "hash: ..." rows above: the unspoilt hash is imported as given.
    QTemporaryDir dir;
    QCOMPARE(WellFormedHash.size(), 60);
    const QStringList args = words("users add heidi --role viewer --bcrypt-hash") + QStringList{WellFormedHash};
    const auto added = gatehoused(dir.path(), args);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY(!added.stdoutData.contains("$2b$"));
    QCOMPARE(storedHash(dir.path(), QStringLiteral("heidi")), WellFormedHash.toLatin1());
}

void CliAdminTest::passwdForAnyUser()
{
    QTemporaryDir dir;
    QVERIFY(setAdminPassword(dir.path()));
    QVERIFY(addUser(dir.path(), QStringLiteral("dave"), QStringLiteral("viewer")));
    const QString changed = QStringLiteral("Dave-changed-Passw0rd-8");
    const auto result = gatehoused(dir.path(), words("passwd --user dave"), changed.toUtf8() + '\n');
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY(result.stdoutData.contains("dave"));

    Served served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    QCOMPARE(served.basicStatus(QStringLiteral("dave"), changed), 200);
    QCOMPARE(served.basicStatus(QStringLiteral("dave"), UserPassword), 401);
    QCOMPARE(served.basicStatus(QStringLiteral("admin"), AdminPassword), 200); // admin's is untouched
}

void CliAdminTest::bcryptImport_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<bool>("viaStdin");
    QTest::newRow("$2b$") << QByteArray("$2b$") << false;
    QTest::newRow("$2a$") << QByteArray("$2a$") << false;
    QTest::newRow("$2y$ from stdin") << QByteArray("$2y$") << true;
}

void CliAdminTest::bcryptImport()
{
    // An account imported from an older system logs in with its old password, and its hash is
    // re-hashed to argon2id on that first successful login.
    QFETCH(QByteArray, prefix);
    QFETCH(bool, viaStdin);
    QTemporaryDir dir;
    QVERIFY(setAdminPassword(dir.path()));
    const QString password = QStringLiteral("Legacy-bcrypt-Passw0rd-5");
    QByteArray hash = PythonBcrypt::hash(password.toUtf8(), 4);
    QVERIFY2(hash.startsWith("$2b$04$") && hash.size() == 60, hash.constData());
    hash.replace(0, 4, prefix); // the three spellings are one algorithm for such a password

    QStringList args{QStringLiteral("users"),  QStringLiteral("add"),    QStringLiteral("erin"),
                     QStringLiteral("--role"), QStringLiteral("viewer"), QStringLiteral("--bcrypt-hash")};
    args << (viaStdin ? QStringLiteral("-") : QString::fromLatin1(hash));
    const auto added = gatehoused(dir.path(), args, viaStdin ? hash + '\n' : QByteArray());
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QCOMPARE(storedHash(dir.path(), QStringLiteral("erin")), hash);

    Served served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    QCOMPARE(served.basicStatus(QStringLiteral("erin"), QStringLiteral("Wrong-bcrypt-Passw0rd-5")), 401);
    QCOMPARE(storedHash(dir.path(), QStringLiteral("erin")), hash);
    QCOMPARE(served.basicStatus(QStringLiteral("erin"), password), 200);
    QTRY_VERIFY_WITH_TIMEOUT(storedHash(dir.path(), QStringLiteral("erin")).startsWith("$argon2id$"), 5000);
    QCOMPARE(served.basicStatus(QStringLiteral("erin"), password), 200); // and verifies as argon2id
}

void CliAdminTest::usersRemoveWhileServing()
{
    QTemporaryDir dir;
    QVERIFY(setAdminPassword(dir.path()));
    QVERIFY(addUser(dir.path(), QStringLiteral("frank"), QStringLiteral("operator")));
    Served served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    QCOMPARE(served.basicStatus(QStringLiteral("frank"), UserPassword), 200);

    const auto removed = gatehoused(dir.path(), words("users remove frank"));
    QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));
    // The running server reloads its accounts within about a second: the cached Basic result goes too.
    QTRY_COMPARE_WITH_TIMEOUT(served.basicStatus(QStringLiteral("frank"), UserPassword), 401, 2500);
}

void CliAdminTest::sessionsListAndRevoke()
{
    QTemporaryDir dir;
    QVERIFY(setAdminPassword(dir.path()));
    Served served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    const QByteArray kept = served.flex.loginToken(AdminPassword);
    const QByteArray revoked = served.flex.loginToken(AdminPassword);
    QVERIFY(!kept.isEmpty() && !revoked.isEmpty());

    const auto listed = gatehoused(dir.path(), words("sessions list --json"));
    QVERIFY2(listed.exitCode == 0, qPrintable(describe(listed)));
    const QJsonArray sessions = jsonOf(listed).value(QStringLiteral("sessions")).toArray();
    QCOMPARE(sessions.size(), 2);
    const QJsonObject newest = sessions.at(0).toObject(); // newest first: the second login
    QCOMPARE(newest.keys(),
             (QStringList{QStringLiteral("client_ip"), QStringLiteral("created_at"), QStringLiteral("dialect"),
                          QStringLiteral("expires_at"), QStringLiteral("id"), QStringLiteral("last_seen_at"),
                          QStringLiteral("user"), QStringLiteral("user_agent")}));
    QCOMPARE(newest.value(QStringLiteral("user")).toString(), QStringLiteral("admin"));
    QCOMPARE(newest.value(QStringLiteral("dialect")).toString(), QStringLiteral("flex"));
    QCOMPARE(newest.value(QStringLiteral("client_ip")).toString(), Loopback);
    QVERIFY(!listed.stdoutData.contains(revoked) && !listed.stdoutData.contains(kept)); // ids, never tokens

    const auto table = gatehoused(dir.path(), words("sessions list"));
    QCOMPARE(table.stdoutData.trimmed().split('\n').size(), 3);

    const QString id = newest.value(QStringLiteral("id")).toString();
    const auto result = gatehoused(dir.path(), {QStringLiteral("sessions"), QStringLiteral("revoke"), id});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QTRY_COMPARE_WITH_TIMEOUT(served.flex.session(revoked).status, 401, 2500);
    EXPECT_STATUS(served.flex.session(kept), 200);
    QCOMPARE(auditActor(dir.path(), QStringLiteral("session.revoked")), QStringLiteral("cli"));

    const auto again = gatehoused(dir.path(), {QStringLiteral("sessions"), QStringLiteral("revoke"), id});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(isOneLineReason(again.stderrData, QStringLiteral("sessions revoke")), qPrintable(describe(again)));
}

void CliAdminTest::ratelimitListAndUnblock()
{
    QTemporaryDir dir;
    QVERIFY(setAdminPassword(dir.path()));
    Served served;
    QVERIFY2(served.start(dir.path()), qPrintable(served.process.startError()));
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_STATUS(served.flex.login(QStringLiteral("Wrong-guess-Passw0rd-%1").arg(attempt)), 400);
    EXPECT_STATUS(served.flex.login(AdminPassword), 429);

    // The server writes its rate-limit log in batches (at most a second).
    const auto list = [&dir] { return jsonOf(gatehoused(dir.path(), words("ratelimit list --json"))); };
    QTRY_VERIFY_WITH_TIMEOUT(!list().value(QStringLiteral("blocks")).toArray().isEmpty(), 5000);
    const QJsonObject listed = list();
    const QJsonArray blocks = listed.value(QStringLiteral("blocks")).toArray();
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).toObject().value(QStringLiteral("ip")).toString(), Loopback);
    const int retryAfter = blocks.at(0).toObject().value(QStringLiteral("retry_after_seconds")).toInt();
    QVERIFY2(retryAfter > 800 && retryAfter <= 900, qPrintable(QString::number(retryAfter)));
    QStringList kinds;
    for (const QJsonValue& event : listed.value(QStringLiteral("events")).toArray()) {
        const QJsonObject object = event.toObject();
        QCOMPARE(object.value(QStringLiteral("client_ip")).toString(), Loopback);
        kinds.append(object.value(QStringLiteral("kind")).toString());
    }
    QCOMPARE(kinds.count(QStringLiteral("failure")), 5);
    QCOMPARE(kinds.count(QStringLiteral("lockout")), 1);
    const auto table = gatehoused(dir.path(), words("ratelimit list"));
    QVERIFY(table.stdoutData.contains("Locked addresses") && table.stdoutData.contains(Loopback.toUtf8()));

    const auto unblocked = gatehoused(dir.path(), {QStringLiteral("ratelimit"), QStringLiteral("unblock"), Loopback});
    QVERIFY2(unblocked.exitCode == 0, qPrintable(describe(unblocked)));
    // The running server rebuilds its failure windows from the shared log and lets the next login through.
    QTRY_COMPARE_WITH_TIMEOUT(served.flex.login(AdminPassword).status, 200, 2500);
    QVERIFY(list().value(QStringLiteral("blocks")).toArray().isEmpty());
    QCOMPARE(auditActor(dir.path(), QStringLiteral("ratelimit.unblocked")), QStringLiteral("cli"));

    // The window starts afresh: one more failure does not lock the address again.
    EXPECT_STATUS(served.flex.login(QStringLiteral("Wrong-guess-Passw0rd-6")), 400);
    EXPECT_STATUS(served.flex.login(AdminPassword), 200);
}

QTEST_GUILESS_MAIN(CliAdminTest)
#include "cli_admin.moc"
