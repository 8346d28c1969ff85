// Accounts imported from an older system with a bcrypt hash: the hash is made by an
// independent implementation (Debian's python3-bcrypt), imported with
// `gatehoused users add NAME --role operator --bcrypt-hash HASH`, logs in through
// POST /api/auth/login, and is re-hashed to argon2id on that first successful login.
#include "tests/testsupport/flexfixture.h"
#include "tests/testsupport/gatehousedprocess.h"
#include "tests/testsupport/pythonbcrypt.h"
#include "tests/testsupport/restclient.h"
#include "tests/testsupport/resthelpers.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

const QString Imported = QStringLiteral("legacy-operator");

QString bcryptHash(const QString& password, const QString& prefix)
{
    QString error;
    const QByteArray hash = PythonBcrypt::hash(password.toUtf8(), 10, prefix.toLatin1(), &error);
    if (hash.isEmpty())
        qWarning("bcrypt hash failed: %s", qPrintable(error));
    return QString::fromLatin1(hash);
}

// The stored password hash of `username`, read from the SQLite file through a read-only
// connection of its own (the server keeps writing through its own).
QByteArray storedHash(const QString& dataDir, const QString& username)
{
    const QString name = QUuid::createUuid().toString();
    QByteArray hash;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("gatehouse.db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT password_hash FROM accounts WHERE username = ?"));
            query.addBindValue(username);
            if (query.exec() && query.next())
                hash = query.value(0).toByteArray();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return hash;
}

GatehousedProcess::RunResult gatehoused(const QString& dataDir, const QStringList& args, const QByteArray& input = {})
{
    return GatehousedProcess::run(QStringList{QStringLiteral("--data-dir"), dataDir} + args,
                                  GatehousedProcess::testEnvironment(), input);
}

bool isListed(RestClient& rest, const QString& username)
{
    const HttpResponse users = rest.listUsers(RestClient::basic(QStringLiteral("admin"), TestPasswords::first()));
    const QJsonArray list = users.object().value(QStringLiteral("users")).toArray();
    return !RestClient::where(list, QStringLiteral("username"), username).isEmpty();
}

} // namespace

class RestBcryptTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void importedHashLogsInAndIsRehashed_data();
    void importedHashLogsInAndIsRehashed();
    void badHashIsRefused_data();
    void badHashIsRefused();

private:
    // Sets the admin password, imports the bcrypt hash and serves `dataDir`; with
    // `importWhileServing` the server runs before the import.
    void serveImported(const QString& dataDir, const QString& hash, bool importWhileServing);

    GatehousedProcess m_server;
    HttpClient m_http;
    RestClient m_rest{m_http, [this](const QString& path) { return QUrl(m_server.url(path)); }};
};

void RestBcryptTest::initTestCase()
{
    const PythonTool::Result probe = PythonTool::run(QStringLiteral("import bcrypt; print(bcrypt.__version__)"));
    QVERIFY2(probe.ok, qPrintable(QStringLiteral("python3-bcrypt is needed: ") + probe.error));
}

void RestBcryptTest::cleanup()
{
    if (m_server.isRunning())
        m_server.kill();
}

void RestBcryptTest::importedHashLogsInAndIsRehashed_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("importWhileServing");
    QTest::newRow("$2b$ stopped") << QStringLiteral("2b") << false;
    QTest::newRow("$2a$ stopped") << QStringLiteral("2a") << false;
    QTest::newRow("$2y$ stopped") << QStringLiteral("2y") << false;
    QTest::newRow("$2b$ while serving") << QStringLiteral("2b") << true;
}

void RestBcryptTest::serveImported(const QString& dataDir, const QString& hash, bool importWhileServing)
{
    const auto passwd = gatehoused(dataDir, {QStringLiteral("passwd")}, TestPasswords::first().toUtf8() + '\n');
    QVERIFY2(passwd.finished && passwd.exitCode == 0, passwd.stderrData.constData());
    const QStringList add{
        QStringLiteral("users"),    QStringLiteral("add"),           Imported, QStringLiteral("--role"),
        QStringLiteral("operator"), QStringLiteral("--bcrypt-hash"), hash};
    if (importWhileServing)
        QVERIFY2(m_server.start(dataDir, false), qPrintable(m_server.startError()));
    const auto added = gatehoused(dataDir, add);
    QVERIFY2(added.finished && added.exitCode == 0, added.stderrData.constData());
    QCOMPARE(storedHash(dataDir, Imported), hash.toUtf8()); // kept as imported until it is used
    if (!importWhileServing)
        QVERIFY2(m_server.start(dataDir, false), qPrintable(m_server.startError()));
    // A running server notices another process's commit within about a second (it polls):
    // wait for the account to be listed rather than spend login attempts on it.
    QTRY_VERIFY_WITH_TIMEOUT(isListed(m_rest, Imported), 10'000);
}

void RestBcryptTest::importedHashLogsInAndIsRehashed()
{
    QFETCH(QString, prefix);
    QFETCH(bool, importWhileServing);
    const QString password = TestPasswords::second();
    const QString hash = bcryptHash(password, prefix);
    QVERIFY(hash.startsWith(u'$' + prefix + u'$'));
    QTemporaryDir dir;
    serveImported(dir.path(), hash, importWhileServing);
    if (QTest::currentTestFailed())
        return;

    EXPECT_REST_ERROR(m_rest.login(Imported, TestPasswords::wrong()), 401, QStringLiteral("invalid_credentials"));
    QCOMPARE(storedHash(dir.path(), Imported), hash.toUtf8()); // a wrong password re-hashes nothing
    const HttpResponse login = m_rest.login(Imported, password);
    EXPECT_REST_SUCCESS(login);
    const HttpResponse me = m_rest.me(RestClient::bearer(TokenPair::from(login).access));
    EXPECT_REST_SUCCESS(me);
    QCOMPARE(me.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("operator"));

    QTRY_VERIFY_WITH_TIMEOUT(storedHash(dir.path(), Imported).startsWith("$argon2id$"), 15'000);
    // The new hash verifies the same password (and still refuses a wrong one), also over Basic.
    EXPECT_REST_SUCCESS(m_rest.login(Imported, password));
    EXPECT_STATUS(m_rest.me(RestClient::basic(Imported, password)), 200);
    EXPECT_STATUS(m_rest.login(Imported, TestPasswords::wrong()), 401);
    QVERIFY(m_server.terminate());
}

void RestBcryptTest::badHashIsRefused_data()
{
    QTest::addColumn<QString>("hash");
    QTest::newRow("not a hash") << QStringLiteral("plaintext-password-123");
    QTest::newRow("md5 crypt") << QStringLiteral("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/");
    QTest::newRow("truncated bcrypt") << QStringLiteral("$2b$10$abcdefghijklmnopqrstuv");
}

void RestBcryptTest::badHashIsRefused()
{
    QFETCH(QString, hash);
    QTemporaryDir dir;
    const auto added = gatehoused(dir.path(),
                                  {QStringLiteral("users"), QStringLiteral("add"), Imported, QStringLiteral("--role"),
                                   QStringLiteral("operator"), QStringLiteral("--bcrypt-hash"), hash});
    QVERIFY(added.finished);
    QVERIFY2(added.exitCode != 0, added.stdoutData.constData());
    QVERIFY(!added.stderrData.trimmed().isEmpty());
    QVERIFY(storedHash(dir.path(), Imported).isEmpty());
}

QTEST_GUILESS_MAIN(RestBcryptTest)
#include "rest_bcrypt.moc"
