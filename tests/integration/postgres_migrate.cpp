// `gatehoused migrate --from DATABASE --to DATABASE [--force] [--json]` against a real
// PostgreSQL cluster (PostgresFleet): a SQLite data directory copied to PostgreSQL and back
// serves the same passwords, refresh tokens and API tokens (with the same master key), and
// new rows continue after the copied ids; a target holding rows is left alone without
// --force; bad input and an unreachable server get one line and the right exit code, never
// the password. Last, an instance killed (SIGKILL) under load loses nothing it acknowledged:
// every API token and session it answered for works on the other instance of the fleet.
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/postgresfleet.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/resthelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QString Admin = u"admin"_s;
const QString User = u"alice"_s;
// Every table, in the order migrate copies them (referenced tables before referring ones).
const QStringList Tables = {u"accounts"_s,         u"sessions"_s,     u"api_tokens"_s, u"oidc_identities"_s,
                            u"ratelimit_events"_s, u"audit_events"_s, u"settings"_s};
using Counts = QMap<QString, qint64>;

QString describe(const GatehousedProcess::RunResult& result)
{
    return u"exit %1, stdout: %2, stderr: %3"_s.arg(result.exitCode)
        .arg(QString::fromUtf8(result.stdoutData.left(600)), QString::fromUtf8(result.stderrData.left(900)));
}

// True when stderr is exactly one line of the command's own refusal.
bool isOneLineRefusal(const GatehousedProcess::RunResult& result)
{
    return result.stderrData.startsWith("gatehoused migrate: ") && result.stderrData.count('\n') == 1
        && result.stderrData.endsWith('\n');
}

bool shows(const GatehousedProcess::RunResult& result, const QString& secret)
{
    return result.stdoutData.contains(secret.toUtf8()) || result.stderrData.contains(secret.toUtf8());
}

// The per-table lines `TABLE: N of M rows` of a migrate whose stderr is no terminal: the
// tables in the order printed and their counts; {} when any line is something else or a
// table is reported unfinished.
QList<QPair<QString, qint64>> progressLines(const QByteArray& stderrData)
{
    static const QRegularExpression line(u"^([a-z_]+): (\\d+) of (\\d+) rows$"_s);
    QList<QPair<QString, qint64>> tables;
    for (const QByteArray& text : stderrData.trimmed().split('\n')) {
        const auto match = line.match(QString::fromUtf8(text));
        if (!match.hasMatch() || match.captured(2) != match.captured(3))
            return {};
        tables.append({match.captured(1), match.captured(2).toLongLong()});
    }
    return tables;
}

Counts countsOf(const QJsonObject& tables)
{
    Counts counts;
    for (auto it = tables.begin(); it != tables.end(); ++it)
        counts.insert(it.key(), it.value().toInteger(-1));
    return counts;
}

QString text(const Counts& counts)
{
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts.append(it.key() + u'=' + QString::number(it.value()));
    return parts.join(u", ");
}

#define EXPECT_COUNTS(actual, expected)                                                                                \
    do {                                                                                                               \
        const Counts actual_ = (actual);                                                                               \
        QVERIFY2(actual_ == (expected), qPrintable(text(actual_) + u" instead of "_s + text(expected)));               \
    } while (false)

} // namespace

class PostgresMigrateTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip();
    void refusesNonEmptyTarget();
    void badInput();
    void killUnderLoadLosesNothing();

private:
    RestClient restOf(GatehousedProcess& instance)
    {
        return RestClient(m_http, [&instance](const QString& path) { return QUrl(instance.url(path)); });
    }
    QString path(const QString& name) const { return m_work.filePath(name); }
    GatehousedProcess::RunResult migrate(const QStringList& args) const;
    QProcessEnvironment sqliteEnvironment() const;
    void fillSqliteSource();
    void servesCopiedData(GatehousedProcess& instance);
    Counts targetCounts(const QString& database);

    PostgresFleet m_fleet;
    QTemporaryDir m_work;
    HttpClient m_http;
    QString m_migrated; // the database roundTrip copied into
    Counts m_firstCopy; // the source's rows per table, as the first migrate reported them
    QByteArray m_userRefresh;
    QByteArray m_apiToken;
    qint64 m_userId = 0;
    qint64 m_apiTokenId = 0;
};

void PostgresMigrateTest::initTestCase()
{
    QVERIFY(m_work.isValid());
    QString error;
    QVERIFY2(m_fleet.setUp(&error), qPrintable(error));
}

// The database password in PGPASSWORD (fleet.environment()), never on the command line; a
// data directory of its own, so the command touches nothing outside this test.
GatehousedProcess::RunResult PostgresMigrateTest::migrate(const QStringList& args) const
{
    QDir().mkpath(path(u"cli"_s));
    return GatehousedProcess::run(QStringList{u"migrate"_s, u"--data-dir"_s, path(u"cli"_s)} + args,
                                  m_fleet.environment());
}

QProcessEnvironment PostgresMigrateTest::sqliteEnvironment() const
{
    QProcessEnvironment extra;
    extra.insert(u"GLOBAL_RATE_LIMIT_RPS"_s, u"0"_s);
    return GatehousedProcess::testEnvironment(extra);
}

// A SQLite data directory as a real one looks: the admin from passwd, a user created over
// REST with a session (its refresh token kept), an API token; then the server stops cleanly.
void PostgresMigrateTest::fillSqliteSource()
{
    const QString source = path(u"sqlite"_s);
    const auto passwd = GatehousedProcess::run({u"passwd"_s, u"--data-dir"_s, source}, sqliteEnvironment(),
                                               TestPasswords::first().toUtf8() + '\n');
    QVERIFY2(passwd.finished && passwd.exitCode == 0, qPrintable(describe(passwd)));
    GatehousedProcess server;
    QVERIFY2(server.start(source, false, {}, sqliteEnvironment()), qPrintable(server.startError()));
    RestClient rest = restOf(server);
    const TokenPair admin = rest.loginPair(Admin, TestPasswords::first());
    QVERIFY(admin.isValid());
    const RequestHeaders bearer = RestClient::bearer(admin.access);
    const HttpResponse created =
        rest.createUser(RestClient::userBody(User, TestPasswords::second(), u"viewer"_s), bearer);
    EXPECT_STATUS(created, 201);
    m_userId = RestClient::idText(created.object().value(u"user"_s).toObject().value(u"id"_s)).toLongLong();
    const TokenPair user = rest.loginPair(User, TestPasswords::second());
    QVERIFY(user.isValid());
    m_userRefresh = user.refresh;
    const TokenApi::Created token = TokenApi::create(rest, bearer, u"before-migration"_s, {u"system:read"_s});
    QVERIFY2(token.ok(), qPrintable(token.response.describe()));
    m_apiToken = token.secret;
    m_apiTokenId = token.id.toLongLong();
    QVERIFY(server.terminate());
}

// What a copy must keep working: both passwords, the user's refresh token (hashed with the
// master key, so only the same key finds it), the API token; and what it must allow next:
// new accounts and tokens, whose ids come after the copied ones.
void PostgresMigrateTest::servesCopiedData(GatehousedProcess& instance)
{
    RestClient rest = restOf(instance);
    const TokenPair admin = rest.loginPair(Admin, TestPasswords::first());
    QVERIFY2(admin.isValid(), "the admin's password did not survive the copy");
    QVERIFY2(rest.loginPair(User, TestPasswords::second()).isValid(), "the user's password did not survive the copy");
    QVERIFY2(TokenPair::from(rest.refresh(m_userRefresh)).isValid(),
             "the user's refresh token did not survive the copy");
    EXPECT_STATUS(rest.me(RestClient::bearer(m_apiToken)), 200);

    const RequestHeaders bearer = RestClient::bearer(admin.access);
    const HttpResponse created =
        rest.createUser(RestClient::userBody(u"bob"_s, TestPasswords::third(), u"viewer"_s), bearer);
    EXPECT_STATUS(created, 201);
    const qint64 userId = RestClient::idText(created.object().value(u"user"_s).toObject().value(u"id"_s)).toLongLong();
    QVERIFY2(userId > m_userId, qPrintable(u"new account id %1 after copied id %2"_s.arg(userId).arg(m_userId)));
    const TokenApi::Created token = TokenApi::create(rest, bearer, u"after-migration"_s, {u"system:read"_s});
    QVERIFY2(token.ok(), qPrintable(token.response.describe()));
    QVERIFY(token.id.toLongLong() > m_apiTokenId);
    EXPECT_STATUS(rest.me(RestClient::bearer(token.secret)), 200);
}

// Rows per table of a database of the cluster, read with psql rather than through gatehoused.
Counts PostgresMigrateTest::targetCounts(const QString& database)
{
    QStringList selects;
    for (const QString& table : Tables)
        selects.append(u"SELECT '%1', count(*) FROM %1"_s.arg(table));
    QString error;
    const auto rows = m_fleet.cluster().psql(database, selects.join(u" UNION ALL "_s), &error);
    if (!rows) {
        qWarning("psql: %s", qPrintable(error));
        return {};
    }
    Counts counts;
    for (const QString& row : rows->split(u'\n', Qt::SkipEmptyParts))
        counts.insert(row.section(u'|', 0, 0), row.section(u'|', 1).toLongLong());
    return counts;
}

void PostgresMigrateTest::roundTrip()
{
    fillSqliteSource();
    if (QTest::currentTestFailed())
        return;
    QString error;
    m_migrated = m_fleet.cluster().createDatabase(&error);
    QVERIFY2(!m_migrated.isEmpty(), qPrintable(error));
    const QString postgres = m_fleet.cluster().url(m_migrated);
    const auto toPostgres = migrate({u"--from"_s, u"sqlite:"_s + path(u"sqlite/gatehouse.db"_s), u"--to"_s, postgres});
    QVERIFY2(toPostgres.finished && toPostgres.exitCode == 0, qPrintable(describe(toPostgres)));
    // One line per table (stderr is a pipe here, as under systemd), every table once, in order.
    const auto progress = progressLines(toPostgres.stderrData);
    QStringList printed;
    qint64 rows = 0;
    for (const auto& [table, count] : progress) {
        printed.append(table);
        m_firstCopy.insert(table, count);
        rows += count;
    }
    QVERIFY2(printed == Tables, toPostgres.stderrData.constData());
    QCOMPARE(toPostgres.stdoutData, u"copied %1 rows\n"_s.arg(rows).toUtf8());
    QCOMPARE(m_firstCopy.value(u"accounts"_s), 2);
    QCOMPARE(m_firstCopy.value(u"api_tokens"_s), 1);
    QVERIFY(m_firstCopy.value(u"sessions"_s) >= 2);
    EXPECT_COUNTS(targetCounts(m_migrated), m_firstCopy);
    QVERIFY(!shows(toPostgres, m_fleet.cluster().password()));

    // Back to a new SQLite file before any server writes to PostgreSQL, so every table must
    // come back with exactly the rows it went out with.
    const QString back = path(u"back"_s);
    const auto toSqlite =
        migrate({u"--from"_s, postgres, u"--to"_s, u"sqlite:"_s + back + u"/gatehouse.db"_s, u"--json"_s});
    QVERIFY2(toSqlite.finished && toSqlite.exitCode == 0, qPrintable(describe(toSqlite)));
    const QJsonObject json = QJsonDocument::fromJson(toSqlite.stdoutData).object();
    QCOMPARE(json.value(u"rows"_s).toInteger(-1), rows);
    EXPECT_COUNTS(countsOf(json.value(u"tables"_s).toObject()), m_firstCopy);
    const QString sourceKey = path(u"sqlite/master.key"_s);
    QVERIFY(QFile::copy(sourceKey, back + u"/master.key"_s));
    QVERIFY(QFile::setPermissions(back + u"/master.key"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    // The same master key on PostgreSQL: the tokens' hashes match what was copied.
    QProcessEnvironment key;
    key.insert(u"GATEHOUSE_SECRET_KEY_FILE"_s, sourceKey);
    GatehousedProcess onPostgres;
    QVERIFY2(
        onPostgres.start(path(u"postgres-instance"_s), false, {u"--database"_s, postgres}, m_fleet.environment(key)),
        qPrintable(onPostgres.startError()));
    servesCopiedData(onPostgres);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(onPostgres.terminate());

    GatehousedProcess onSqlite;
    QVERIFY2(onSqlite.start(back, false, {}, sqliteEnvironment()), qPrintable(onSqlite.startError()));
    servesCopiedData(onSqlite);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(onSqlite.terminate());
}

void PostgresMigrateTest::refusesNonEmptyTarget()
{
    QVERIFY2(!m_migrated.isEmpty() && !m_firstCopy.isEmpty(), "roundTrip did not fill a PostgreSQL database");
    const Counts before = targetCounts(m_migrated);
    QVERIFY(before.value(u"accounts"_s) > 0);
    const QStringList args{u"--from"_s, u"sqlite:"_s + path(u"sqlite/gatehouse.db"_s), u"--to"_s,
                           m_fleet.cluster().url(m_migrated)};

    const auto refused = migrate(args);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(isOneLineRefusal(refused) && refused.stderrData.contains("--force"), qPrintable(describe(refused)));
    QVERIFY(refused.stdoutData.isEmpty());
    EXPECT_COUNTS(targetCounts(m_migrated), before);

    const auto forced = migrate(args + QStringList{u"--force"_s, u"--json"_s});
    QVERIFY2(forced.finished && forced.exitCode == 0, qPrintable(describe(forced)));
    EXPECT_COUNTS(countsOf(QJsonDocument::fromJson(forced.stdoutData).object().value(u"tables"_s).toObject()),
                  m_firstCopy);
    EXPECT_COUNTS(targetCounts(m_migrated), m_firstCopy);

    // A mistyped source path is bad input, not an empty database: with --force, copying
    // "nothing" would empty the target.
    const auto typo = migrate({u"--from"_s, u"sqlite:"_s + path(u"typo/gatehouse.db"_s), u"--to"_s,
                               m_fleet.cluster().url(m_migrated), u"--force"_s});
    QCOMPARE(typo.exitCode, 2);
    QCOMPARE(targetCounts(m_migrated).value(u"accounts"_s), m_firstCopy.value(u"accounts"_s));
}

void PostgresMigrateTest::badInput()
{
    const QString source = u"sqlite:"_s + path(u"sqlite/gatehouse.db"_s);
    const auto noTarget = migrate({u"--from"_s, source});
    QCOMPARE(noTarget.exitCode, 2);
    QVERIFY2(isOneLineRefusal(noTarget), qPrintable(describe(noTarget)));

    const auto mysql = migrate({u"--from"_s, source, u"--to"_s, u"mysql://x"_s});
    QCOMPARE(mysql.exitCode, 2);
    QVERIFY2(isOneLineRefusal(mysql), qPrintable(describe(mysql)));

    // A port nobody listens on: bound and released again, so nothing answers there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    const QString password = m_fleet.cluster().password();
    const QString unreachable =
        u"postgresql://%1@127.0.0.1:%2/gatehouse_1"_s.arg(m_fleet.cluster().user()).arg(closedPort);
    const QString withPassword =
        u"postgresql://%1:%2@127.0.0.1:%3/gatehouse_1"_s.arg(m_fleet.cluster().user(), password).arg(closedPort);
    for (const QString& target : {unreachable, withPassword}) {
        const auto result = migrate({u"--from"_s, source, u"--to"_s, target});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(isOneLineRefusal(result), qPrintable(describe(result)));
        QVERIFY(result.stderrData.contains("gatehoused migrate: "));
        QVERIFY2(!shows(result, password), "the password was printed");
    }
}

void PostgresMigrateTest::killUnderLoadLosesNothing()
{
    const auto passwd = m_fleet.command({u"passwd"_s}, TestPasswords::first().toUtf8() + '\n');
    QVERIFY2(passwd.finished && passwd.exitCode == 0, qPrintable(describe(passwd)));
    // B is polled with credentials it may not know yet; those misses must not lock the address.
    QProcessEnvironment lenient;
    lenient.insert(u"MAX_LOGIN_ATTEMPTS"_s, u"100000"_s);
    GatehousedProcess a;
    GatehousedProcess b;
    QVERIFY2(m_fleet.start(a, u"a"_s, {}, lenient), qPrintable(a.startError()));
    QVERIFY2(m_fleet.start(b, u"b"_s, {}, lenient), qPrintable(b.startError()));
    // A client of its own with a short timeout, so a request A never answers ends the loop soon.
    HttpClient http;
    http.setTimeoutMs(5000);
    RestClient onA(http, [&a](const QString& path) { return QUrl(a.url(path)); });
    RestClient onB = restOf(b);
    const TokenPair admin = onA.loginPair(Admin, TestPasswords::first());
    QVERIFY(admin.isValid());
    const RequestHeaders bearer = RestClient::bearer(admin.access);

    // The synchronous client runs an event loop per request, so the timer kills A while a
    // request is in flight or between two. The context is declared after A, so it goes first and
    // takes the timer with it, however this test ends.
    QObject killer;
    QTimer::singleShot(1500, &killer, [&a] { a.kill(); });
    QList<QByteArray> tokens;
    QList<TokenPair> sessions;
    HttpResponse answer; // A's last answer: once the loop ends, the first request it did not acknowledge
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; elapsed.elapsed() < 15'000; ++i) {
        if (i % 4 == 3) { // a login hashes a password: one in four keeps the pace up
            answer = onA.login(Admin, TestPasswords::first());
            if (!TokenPair::from(answer).isValid())
                break;
            sessions.append(TokenPair::from(answer));
        } else {
            const TokenApi::Created token = TokenApi::create(onA, bearer, u"load-%1"_s.arg(i), {u"system:read"_s});
            answer = token.response;
            if (!token.ok())
                break;
            tokens.append(token.secret);
        }
    }
    QVERIFY2(!a.isRunning(), qPrintable(u"A refused a request before it was killed: "_s + answer.describe()));
    QCOMPARE(a.exitStatus(), QProcess::CrashExit);
    const int acknowledged = int(tokens.size() + sessions.size());
    qInfo("A acknowledged %d items (%d API tokens, %d sessions) in %lld ms before SIGKILL ended it", acknowledged,
          int(tokens.size()), int(sessions.size()), elapsed.elapsed());
    QVERIFY2(acknowledged >= 20, qPrintable(QString::number(acknowledged)));

    // Committed before A answered, so B finds the last one at once (or within the feed's
    // second), and then every earlier one without waiting.
    const QByteArray last = tokens.last();
    QElapsedTimer waited;
    waited.start();
    while (onB.me(RestClient::bearer(last)).status != 200 && waited.elapsed() < 3000)
        QTest::qWait(10);
    QStringList lost;
    for (int i = 0; i < tokens.size(); ++i) {
        if (onB.me(RestClient::bearer(tokens[i])).status != 200)
            lost.append(u"API token %1"_s.arg(i));
    }
    for (int i = 0; i < sessions.size(); ++i) {
        if (onB.me(RestClient::bearer(sessions[i].access)).status != 200
            || onB.refresh(sessions[i].refresh).status != 200)
            lost.append(u"session %1"_s.arg(i));
    }
    QVERIFY2(lost.isEmpty(), qPrintable(u"lost %1 of %2: "_s.arg(lost.size()).arg(acknowledged) + lost.join(u", ")));
    QVERIFY(b.terminate());
}

QTEST_GUILESS_MAIN(PostgresMigrateTest)
#include "postgres_migrate.moc"
