// `gatehoused tokens create | list | revoke` (docs/API.md, "API tokens" decisions): the
// secret alone on stdout and only from create, --json, exit codes with one-line reasons,
// and a running gatehoused on the same data directory following the command line's
// changes within about a second (a CLI token works against it; a CLI revocation stops it).
#include "tests/testsupport/apitokenhelpers.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/testhelpers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString AdminPassword = u"Admin-tokens-Passw0rd-62"_s;

QProcessEnvironment environment()
{
    QProcessEnvironment extra;
    extra.insert(u"GATEHOUSE_RESOURCES"_s, u"redirect,page,agent"_s);
    extra.insert(u"GLOBAL_RATE_LIMIT_RPS"_s, u"0"_s);
    // Polling with a token the server has not picked up yet counts as unknown-token failures.
    extra.insert(u"MAX_LOGIN_ATTEMPTS"_s, u"1000"_s);
    return GatehousedProcess::testEnvironment(extra);
}

GatehousedProcess::RunResult gatehoused(const QString& dataDir, const QStringList& args, const QByteArray& input = {})
{
    return GatehousedProcess::run(args + QStringList{u"--data-dir"_s, dataDir}, environment(), input);
}

QStringList words(const char* line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

QString describe(const GatehousedProcess::RunResult& result)
{
    return u"exit %1, stdout: %2, stderr: %3"_s.arg(result.exitCode)
        .arg(QString::fromUtf8(result.stdoutData.left(600)), QString::fromUtf8(result.stderrData.left(600)));
}

QJsonObject jsonOf(const GatehousedProcess::RunResult& result)
{
    return QJsonDocument::fromJson(result.stdoutData).object();
}

QJsonArray listed(const QString& dataDir)
{
    return jsonOf(gatehoused(dataDir, words("tokens list --json"))).value(u"tokens"_s).toArray();
}

} // namespace

// A gatehoused serving plain HTTP on a data directory.
struct Served
{
    GatehousedProcess process;
    HttpClient http;
    RestClient rest{http, [this](const QString& path) { return QUrl(process.url(path)); }};

    bool start(const QString& dataDir) { return process.start(dataDir, false, {}, environment()); }
    int meStatus(const QByteArray& secret) { return rest.me(RestClient::bearer(secret)).status; }
};

class TokensCliTest : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void helpListsTokenCommands();
    void createPrintsSecretOnly();
    void createJson();
    void permissionForms_data();
    void permissionForms();
    void expiresForms();
    void badInput_data();
    void badInput();
    void listNeverShowsSecret();
    void revoke();
    void serverFollowsCli();
    void lastUseReachesStorage();

private:
    QByteArray createSecret(const QStringList& extra = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TokensCliTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const auto result = gatehoused(m_dir->path(), words("passwd"), AdminPassword.toUtf8() + '\n');
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
}

QByteArray TokensCliTest::createSecret(const QStringList& extra)
{
    const auto result = gatehoused(m_dir->path(), words("tokens create --name ci --perm page:read") + extra);
    if (result.exitCode != 0)
        qWarning("%s", qPrintable(describe(result)));
    return result.exitCode == 0 ? result.stdoutData.trimmed() : QByteArray();
}

void TokensCliTest::helpListsTokenCommands()
{
    const auto result = GatehousedProcess::run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    for (const char* word : {"tokens list", "tokens create", "tokens revoke", "--perm", "--expires", "--name"})
        QVERIFY2(result.stdoutData.contains(word), word);
}

void TokensCliTest::createPrintsSecretOnly()
{
    const auto result = gatehoused(m_dir->path(), words("tokens create --name ci-deploy --perm page:read"));
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(describe(result)));
    // TOKEN=$(gatehoused tokens create ...) must capture exactly the secret.
    QVERIFY2(result.stdoutData.endsWith('\n') && result.stdoutData.count('\n') == 1, result.stdoutData.constData());
    const QByteArray secret = result.stdoutData.trimmed();
    const QString problem = ApiTokenCheck::formatProblem(secret);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(!result.stderrData.contains(secret), "the secret belongs on stdout only");
    QVERIFY2(!result.stderrData.contains(secret.mid(10, 34)), "part of the secret on stderr");
    QVERIFY2(result.stderrData.toLower().contains("shown once"), result.stderrData.constData());
    QVERIFY2(result.stderrData.contains("ci-deploy") && result.stderrData.contains("page:read"),
             result.stderrData.constData());
}

void TokensCliTest::createJson()
{
    const auto result = gatehoused(m_dir->path(), words("tokens create --name ci --perm page:read --json"));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.keys(), (QStringList{u"secret"_s, u"token"_s}));
    const QByteArray secret = json.value(u"secret"_s).toString().toUtf8();
    QVERIFY(ApiTokenCheck::formatProblem(secret).isEmpty());
    QVERIFY(!result.stderrData.contains(secret));
    const QJsonObject token = json.value(u"token"_s).toObject();
    QCOMPARE(token.value(u"name"_s).toString(), u"ci"_s);
    QCOMPARE(TokenApi::strings(token.value(u"permissions"_s)), QStringList{u"page:read"_s});
    QCOMPARE(token.value(u"hint"_s).toString(), u"gatehouse_\u2026"_s + QString::fromLatin1(secret.right(4)));
    QVERIFY(!token.value(u"id"_s).isUndefined());
    QVERIFY(!token.contains(u"secret"_s));
}

void TokensCliTest::permissionForms_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::newRow("repeated --perm") << u"--perm page:read --perm redirect:read"_s;
    QTest::newRow("comma-separated") << u"--perm redirect:read,page:read"_s;
    QTest::newRow("both, with a duplicate") << u"--perm page:read,redirect:read --perm page:read"_s;
}

void TokensCliTest::permissionForms()
{
    QFETCH(QString, arguments);
    const auto result =
        gatehoused(m_dir->path(), words("tokens create --name ci --json") + arguments.split(u' ', Qt::SkipEmptyParts));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QCOMPARE(TokenApi::strings(jsonOf(result).value(u"token"_s).toObject().value(u"permissions"_s)),
             (QStringList{u"page:read"_s, u"redirect:read"_s}));
}

void TokensCliTest::expiresForms()
{
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const auto days = gatehoused(m_dir->path(), words("tokens create --name ci --perm page:read --expires 30d --json"));
    QVERIFY2(days.exitCode == 0, qPrintable(describe(days)));
    const QDateTime expires =
        QDateTime::fromString(jsonOf(days).value(u"token"_s).toObject().value(u"expires_at"_s).toString(), Qt::ISODate);
    QVERIFY2(expires.isValid(), qPrintable(describe(days)));
    const qint64 delta = expires.toSecsSinceEpoch() - before - 30 * 86400;
    QVERIFY2(delta >= -5 && delta <= 120, qPrintable(QString::number(delta)));

    const auto iso = gatehoused(
        m_dir->path(), words("tokens create --name ci --perm page:read --expires 2099-01-01T00:00:00Z --json"));
    QVERIFY2(iso.exitCode == 0, qPrintable(describe(iso)));
    QCOMPARE(jsonOf(iso).value(u"token"_s).toObject().value(u"expires_at"_s).toString(), u"2099-01-01T00:00:00Z"_s);
}

void TokensCliTest::badInput_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("command");
    const QString create = u"tokens create"_s;
    QTest::newRow("no name") << u"tokens create --perm page:read"_s << create;
    QTest::newRow("no permission") << u"tokens create --name ci"_s << create;
    QTest::newRow("65-character name") << u"tokens create --perm page:read --name "_s + QString(65, u'n') << create;
    QTest::newRow("unknown permission") << u"tokens create --name ci --perm nope:read"_s << create;
    QTest::newRow("permission without action") << u"tokens create --name ci --perm page"_s << create;
    QTest::newRow("past expiry") << u"tokens create --name ci --perm page:read --expires 2001-01-01T00:00:00Z"_s
                                 << create;
    QTest::newRow("bad expiry") << u"tokens create --name ci --perm page:read --expires soon"_s << create;
    QTest::newRow("unknown id") << u"tokens revoke 987654"_s << u"tokens revoke"_s;
    QTest::newRow("id not a number") << u"tokens revoke abc"_s << u"tokens revoke"_s;
    QTest::newRow("no id") << u"tokens revoke"_s << u"tokens revoke"_s;
}

void TokensCliTest::badInput()
{
    QFETCH(QString, line);
    QFETCH(QString, command);
    const auto result = gatehoused(m_dir->path(), line.split(u' '));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdoutData.isEmpty(), qPrintable(describe(result)));
    const QList<QByteArray> lines = result.stderrData.trimmed().split('\n');
    // The project's one-line reason: "gatehoused <command>: <reason>".
    QVERIFY2(lines.size() == 1 && lines.first().startsWith(u"gatehoused %1: "_s.arg(command).toUtf8()),
             qPrintable(describe(result)));
    QCOMPARE(listed(m_dir->path()).size(), 0);
}

void TokensCliTest::listNeverShowsSecret()
{
    const QByteArray first = createSecret();
    const QByteArray second = createSecret({u"--perm"_s, u"agent:write"_s});
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const auto json = gatehoused(m_dir->path(), words("tokens list --json"));
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    const QJsonArray tokens = jsonOf(json).value(u"tokens"_s).toArray();
    QCOMPARE(tokens.size(), 2);
    const QJsonObject newest = tokens.at(0).toObject();
    for (const char* key : {"id", "name", "permissions", "hint", "created_at", "expires_at", "last_used_at"})
        QVERIFY2(newest.contains(QLatin1String(key)), key);
    QCOMPARE(TokenApi::strings(newest.value(u"permissions"_s)), (QStringList{u"agent:write"_s, u"page:read"_s}));
    QCOMPARE(newest.value(u"hint"_s).toString(), u"gatehouse_\u2026"_s + QString::fromLatin1(second.right(4)));
    const auto table = gatehoused(m_dir->path(), words("tokens list"));
    QVERIFY2(table.exitCode == 0, qPrintable(describe(table)));
    QCOMPARE(table.stdoutData.trimmed().split('\n').size(), 3); // a heading and two tokens
    const QByteArray heading = table.stdoutData.left(table.stdoutData.indexOf('\n')).toLower();
    for (const char* column : {"id", "name", "permissions", "hint", "created", "expires", "last"})
        QVERIFY2(heading.contains(column), heading.constData());
    QVERIFY(table.stdoutData.contains("ci") && table.stdoutData.contains(second.right(4)));
    for (const QByteArray& secret : {first, second}) {
        for (const QByteArray& output : {json.stdoutData, json.stderrData, table.stdoutData, table.stderrData})
            QVERIFY2(!output.contains(secret.mid(10, 34)), "a secret in tokens list");
    }
}

void TokensCliTest::revoke()
{
    const QByteArray secret = createSecret();
    QVERIFY(!secret.isEmpty());
    const QString id = RestClient::idText(listed(m_dir->path()).at(0).toObject().value(u"id"_s));
    const auto result = gatehoused(m_dir->path(), {u"tokens"_s, u"revoke"_s, id});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY(!result.stdoutData.contains(secret.mid(10, 34)) && !result.stderrData.contains(secret.mid(10, 34)));
    QCOMPARE(listed(m_dir->path()).size(), 0);
    const auto again = gatehoused(m_dir->path(), {u"tokens"_s, u"revoke"_s, id});
    QCOMPARE(again.exitCode, 2); // like DELETE /api/tokens/{id}: already revoked counts as unknown
}

void TokensCliTest::serverFollowsCli()
{
    Served served;
    QVERIFY2(served.start(m_dir->path()), qPrintable(served.process.startError()));
    const QByteArray secret = createSecret();
    QVERIFY(!secret.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(served.meStatus(secret), 200, 2500);
    const HttpResponse me = served.rest.me(RestClient::bearer(secret));
    QCOMPARE(me.object().value(u"auth"_s).toString(), u"api_token"_s);
    QCOMPARE(me.object().value(u"user"_s).toObject().value(u"username"_s).toString(), u"admin"_s);
    QCOMPARE(TokenApi::strings(me.object().value(u"permissions"_s)), QStringList{u"page:read"_s});

    const RequestHeaders admin = RestClient::basic(u"admin"_s, AdminPassword);
    const auto created = RestClient::where(served.rest.audit(admin).object().value(u"events"_s).toArray(), u"kind"_s,
                                           u"token.created"_s);
    QVERIFY(!created.isEmpty());
    QCOMPARE(created.first().value(u"actor"_s).toString(), u"cli"_s);

    const QString id = RestClient::idText(listed(m_dir->path()).at(0).toObject().value(u"id"_s));
    const auto revoked = gatehoused(m_dir->path(), {u"tokens"_s, u"revoke"_s, id});
    QVERIFY2(revoked.exitCode == 0, qPrintable(describe(revoked)));
    QTRY_COMPARE_WITH_TIMEOUT(served.meStatus(secret), 401, 2500);
    QVERIFY(!served.process.stderrData().contains(secret.mid(10, 34)));
    QVERIFY(!served.process.stdoutData().contains(secret.mid(10, 34)));
}

void TokensCliTest::lastUseReachesStorage()
{
    Served served;
    QVERIFY2(served.start(m_dir->path()), qPrintable(served.process.startError()));
    const TokenApi::Created created =
        TokenApi::create(served.rest, RestClient::basic(u"admin"_s, AdminPassword), u"http"_s, {u"page:read"_s});
    QVERIFY2(created.ok(), qPrintable(created.response.describe()));
    QCOMPARE(served.meStatus(created.secret), 200);
    // Written in batches (every 2 s): the command line reads it from storage a little later.
    const auto lastIp = [this] { return listed(m_dir->path()).at(0).toObject().value(u"last_used_ip"_s).toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(lastIp(), u"127.0.0.1"_s, 6000);
    QVERIFY(!listed(m_dir->path()).at(0).toObject().value(u"last_used_at"_s).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TokensCliTest)
#include "tokens_cli.moc"
