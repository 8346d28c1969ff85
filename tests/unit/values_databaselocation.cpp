// DatabaseLocation::parse, the reading of `--database` / GATEHOUSE_DATABASE: the two forms
// it accepts field by field, the one-line refusals of everything else, libpq's quoting of
// option values, and a display name that never shows the password.
#include "values/databaselocation.h"

#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// A fresh parse each time: *error is cleared first, so a message left by an earlier
// refusal cannot make an acceptance look like a refusal.
std::optional<DatabaseLocation> parsed(const QString& text, QString* error)
{
    error->clear();
    return DatabaseLocation::parse(text, error);
}

} // namespace

class ValuesDatabaseLocationTest : public QObject
{
    Q_OBJECT

private slots:
    void sqlitePath();
    void postgresFields();
    void postgresSchemeAlias();
    void defaultPort();
    void withoutUserOrPassword();
    void refused_data();
    void refused();
    void optionValuesAreQuoted_data();
    void optionValuesAreQuoted();
    void severalOptions();
    void displayNameHidesPassword_data();
    void displayNameHidesPassword();
};

void ValuesDatabaseLocationTest::sqlitePath()
{
    QString error;
    const auto location = parsed(u"sqlite:/var/lib/gatehouse/gatehouse.db"_s, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->engine, DatabaseLocation::Engine::Sqlite);
    QCOMPARE(location->sqlitePath, u"/var/lib/gatehouse/gatehouse.db"_s);
    QCOMPARE(location->displayName(), u"/var/lib/gatehouse/gatehouse.db"_s);
    // A relative path is taken as written: the caller resolves it against its directory.
    const auto relative = parsed(u"sqlite:data/gatehouse.db"_s, &error);
    QVERIFY2(relative, qPrintable(error));
    QCOMPARE(relative->sqlitePath, u"data/gatehouse.db"_s);
}

void ValuesDatabaseLocationTest::postgresFields()
{
    QString error;
    const auto location = parsed(u"postgresql://user:pa%40ss@db.example.org:5433/gatehouse?sslmode=require"_s, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->engine, DatabaseLocation::Engine::Postgres);
    QCOMPARE(location->user, u"user"_s);
    QCOMPARE(location->password, u"pa@ss"_s); // percent-decoded: libpq gets the real password
    QCOMPARE(location->host, u"db.example.org"_s);
    QCOMPARE(location->port, quint16(5433));
    QCOMPARE(location->databaseName, u"gatehouse"_s);
    QCOMPARE(location->connectOptions, u"sslmode='require'"_s);
    QVERIFY(location->sqlitePath.isEmpty());
}

void ValuesDatabaseLocationTest::postgresSchemeAlias()
{
    // libpq accepts both URI schemes, so operators may paste either.
    QString error;
    const auto location = parsed(u"postgres://app@127.0.0.1:6000/auth"_s, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->engine, DatabaseLocation::Engine::Postgres);
    QCOMPARE(location->user, u"app"_s);
    QCOMPARE(location->host, u"127.0.0.1"_s);
    QCOMPARE(location->port, quint16(6000));
    QCOMPARE(location->databaseName, u"auth"_s);
    QVERIFY(location->connectOptions.isEmpty());
}

void ValuesDatabaseLocationTest::defaultPort()
{
    QString error;
    const auto location = parsed(u"postgresql://app@db/auth"_s, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->port, quint16(5432));
    QCOMPARE(location->displayName(), u"postgresql://app@db:5432/auth"_s);
}

void ValuesDatabaseLocationTest::withoutUserOrPassword()
{
    // Both may come from libpq's environment (PGUSER, PGPASSWORD) instead.
    QString error;
    const auto location = parsed(u"postgresql://db:5432/auth"_s, &error);
    QVERIFY2(location, qPrintable(error));
    QVERIFY(location->user.isEmpty());
    QVERIFY(location->password.isEmpty());
    QCOMPARE(location->displayName(), u"postgresql://db:5432/auth"_s);
}

void ValuesDatabaseLocationTest::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("sqlite without a path") << u"sqlite:"_s;
    QTest::newRow("mysql") << u"mysql://user@host/db"_s;
    QTest::newRow("mysql without anything") << u"mysql://"_s;
    QTest::newRow("a bare path") << u"/var/lib/gatehouse/gatehouse.db"_s;
    QTest::newRow("no host") << u"postgresql:///db"_s;
    QTest::newRow("user but no host") << u"postgresql://user@/db"_s;
    QTest::newRow("no database name") << u"postgresql://user@host:5432"_s;
    QTest::newRow("empty database name") << u"postgresql://user@host:5432/"_s;
    QTest::newRow("path segments") << u"postgresql://user@host:5432/db/extra"_s;
    QTest::newRow("encoded slash in the name") << u"postgresql://user@host/db%2Fextra"_s;
    QTest::newRow("port 0") << u"postgresql://user@host:0/db"_s;
    QTest::newRow("port 70000") << u"postgresql://user@host:70000/db"_s;
    QTest::newRow("port not a number") << u"postgresql://user@host:pg/db"_s;
    QTest::newRow("option name in capitals") << u"postgresql://user@host/db?SSLMODE=require"_s;
    QTest::newRow("option name with =") << u"postgresql://user@host/db?ssl%3Dmode=require"_s;
    QTest::newRow("option name with a space") << u"postgresql://user@host/db?ssl%20mode=require"_s;
    QTest::newRow("option name injecting another option")
        << u"postgresql://user@host/db?sslmode%3Ddisable%20host=require"_s;
    QTest::newRow("empty option name") << u"postgresql://user@host/db?=require"_s;
}

void ValuesDatabaseLocationTest::refused()
{
    QFETCH(QString, text);
    QString error;
    const auto location = parsed(text, &error);
    QVERIFY2(!location, qPrintable(u"accepted: "_s + text));
    QVERIFY2(!error.trimmed().isEmpty(), "refused without a reason");
    QVERIFY2(!error.contains(u'\n'), qPrintable(error));
}

void ValuesDatabaseLocationTest::optionValuesAreQuoted_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"connect_timeout=10"_s << u"connect_timeout='10'"_s;
    QTest::newRow("space") << u"application_name=gate%20house"_s << u"application_name='gate house'"_s;
    QTest::newRow("quote") << u"application_name=it%27s"_s << u"application_name='it\\'s'"_s;
    QTest::newRow("backslash") << u"sslrootcert=C:%5Cca.pem"_s << u"sslrootcert='C:\\\\ca.pem'"_s;
    // A quote cannot end the value early and smuggle in another option.
    QTest::newRow("quote then option") << u"application_name=x%27%20host=evil"_s
                                       << u"application_name='x\\' host=evil'"_s;
    QTest::newRow("empty value") << u"sslmode="_s << u"sslmode=''"_s;
}

void ValuesDatabaseLocationTest::optionValuesAreQuoted()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QString error;
    const auto location = parsed(u"postgresql://user@host/db?"_s + query, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->connectOptions, expected);
}

void ValuesDatabaseLocationTest::severalOptions()
{
    QString error;
    const auto location = parsed(
        u"postgresql://user@host/db?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem&connect_timeout=5"_s, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->connectOptions, u"sslmode='verify-full' sslrootcert='/etc/ssl/ca.pem' connect_timeout='5'"_s);
}

void ValuesDatabaseLocationTest::displayNameHidesPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << u"postgresql://user:s3cret-Pass@host:5433/db"_s << u"s3cret-Pass"_s;
    QTest::newRow("encoded") << u"postgresql://user:pa%40ss%3Aword@host/db"_s << u"pa@ss:word"_s;
    QTest::newRow("with options") << u"postgres://user:hunter2-hunter2@host/db?sslmode=require"_s
                                  << u"hunter2-hunter2"_s;
}

void ValuesDatabaseLocationTest::displayNameHidesPassword()
{
    QFETCH(QString, text);
    QFETCH(QString, password);
    QString error;
    const auto location = parsed(text, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->password, password);
    const QString shown = location->displayName();
    QVERIFY2(shown.startsWith(u"postgresql://user@host:"_s), qPrintable(shown));
    QVERIFY2(!shown.contains(password), qPrintable(shown));
    // Nor in its encoded form, nor any part after the user name's colon.
    QVERIFY2(!shown.contains(QString::fromLatin1(QUrl::toPercentEncoding(password))), qPrintable(shown));
    QVERIFY2(!shown.contains(u"user:"_s), qPrintable(shown));
}

QTEST_GUILESS_MAIN(ValuesDatabaseLocationTest)
#include "values_databaselocation.moc"
