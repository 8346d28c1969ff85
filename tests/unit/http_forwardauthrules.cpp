#include "values/forwardauthrules.h"

#include <QTest>

// Forward-auth rules (API.md, "Forward-auth"): parsing, path normalisation, matching.
class TestForwardAuthRules : public QObject
{
    Q_OBJECT

private:
    static ForwardAuthRules parsed(const QString& text)
    {
        QString error;
        const auto rules = ForwardAuthRules::parse(text, &error);
        if (!rules)
            qFatal("rules did not parse: %s", qPrintable(error));
        return *rules;
    }

    // The requirement deciding method + uri: "permission", "authenticated", "public", or
    // "none" (no rule) / "refused" (the path is ambiguous).
    static QString decide(const ForwardAuthRules& rules, const QString& method, const QByteArray& uri)
    {
        const auto path = ForwardAuthRules::normalizePath(uri);
        if (!path)
            return QStringLiteral("refused");
        const ForwardAuthRule* rule = rules.match(method, *path);
        if (!rule)
            return QStringLiteral("none");
        switch (rule->requirement) {
        case ForwardAuthRule::Requirement::Permission:
            return rule->permission;
        case ForwardAuthRule::Requirement::Authenticated:
            return QStringLiteral("authenticated");
        case ForwardAuthRule::Requirement::Public:
            return QStringLiteral("public");
        }
        return {};
    }

private slots:
    void normalizePath_data()
    {
        QTest::addColumn<QByteArray>("uri");
        QTest::addColumn<QString>("path"); // "" = refused
        QTest::newRow("plain") << QByteArray("/pages/a") << QStringLiteral("/pages/a");
        QTest::newRow("query dropped") << QByteArray("/pages/a?x=/users") << QStringLiteral("/pages/a");
        QTest::newRow("fragment dropped") << QByteArray("/pages/a#top") << QStringLiteral("/pages/a");
        QTest::newRow("double slashes") << QByteArray("//pages///a") << QStringLiteral("/pages/a");
        QTest::newRow("dot segments") << QByteArray("/pages/./a/../b") << QStringLiteral("/pages/b");
        QTest::newRow("dot-dot out of pages") << QByteArray("/pages/../users") << QStringLiteral("/users");
        QTest::newRow("encoded dots") << QByteArray("/pages/%2e%2e/users") << QStringLiteral("/users");
        QTest::newRow("encoded letters") << QByteArray("/p%61ges/a") << QStringLiteral("/pages/a");
        QTest::newRow("utf-8") << QByteArray("/pages/%C3%A9") << QStringLiteral("/pages/\u00e9");
        QTest::newRow("root") << QByteArray("/") << QStringLiteral("/");
        QTest::newRow("above the root") << QByteArray("/../etc") << QString();
        QTest::newRow("encoded slash") << QByteArray("/pages%2F..%2Fusers") << QString();
        QTest::newRow("encoded backslash") << QByteArray("/pages%5cx") << QString();
        QTest::newRow("backslash") << QByteArray("/pages\\x") << QString();
        QTest::newRow("encoded NUL") << QByteArray("/pages%00") << QString();
        QTest::newRow("bad escape") << QByteArray("/pages%zz") << QString();
        QTest::newRow("truncated escape") << QByteArray("/pages%2") << QString();
        QTest::newRow("relative") << QByteArray("pages/a") << QString();
        QTest::newRow("absolute URI") << QByteArray("http://x/pages") << QString();
    }

    void normalizePath()
    {
        QFETCH(QByteArray, uri);
        QFETCH(QString, path);
        const auto normalized = ForwardAuthRules::normalizePath(uri);
        QCOMPARE(normalized.value_or(QString()), path);
    }

    void matching_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("uri");
        QTest::addColumn<QString>("requirement");
        QTest::newRow("GET pages") << QStringLiteral("GET") << QByteArray("/pages/x") << QStringLiteral("page:read");
        QTest::newRow("HEAD follows GET")
            << QStringLiteral("HEAD") << QByteArray("/pages/x") << QStringLiteral("page:read");
        QTest::newRow("POST pages") << QStringLiteral("POST") << QByteArray("/pages/x") << QStringLiteral("page:write");
        QTest::newRow("prefix itself") << QStringLiteral("GET") << QByteArray("/pages") << QStringLiteral("page:read");
        QTest::newRow("not a segment prefix")
            << QStringLiteral("GET") << QByteArray("/pagesx") << QStringLiteral("authenticated");
        QTest::newRow("DELETE falls to star")
            << QStringLiteral("DELETE") << QByteArray("/pages/x") << QStringLiteral("agent:write");
        QTest::newRow("longest prefix wins")
            << QStringLiteral("GET") << QByteArray("/pages/public/x") << QStringLiteral("public");
        QTest::newRow("root rule") << QStringLiteral("GET") << QByteArray("/other") << QStringLiteral("authenticated");
        QTest::newRow("dot-dot leaves pages")
            << QStringLiteral("GET") << QByteArray("/pages/public/../../x") << QStringLiteral("authenticated");
        QTest::newRow("ambiguous refused")
            << QStringLiteral("GET") << QByteArray("/pages%2Fx") << QStringLiteral("refused");
    }

    void matching()
    {
        QFETCH(QString, method);
        QFETCH(QByteArray, uri);
        QFETCH(QString, requirement);
        const ForwardAuthRules rules =
            parsed(QStringLiteral("* /pages agent:write; GET /pages/ page:read\n post,PUT /pages page:write;"
                                  "GET /pages/public public\n# a comment\n* / authenticated"));
        QCOMPARE(decide(rules, method, uri), requirement);
    }

    void noRuleCoversAPath()
    {
        const ForwardAuthRules rules = parsed(QStringLiteral("GET /pages page:read"));
        QCOMPARE(decide(rules, QStringLiteral("POST"), "/pages/x"), QStringLiteral("none"));
        QCOMPARE(decide(rules, QStringLiteral("GET"), "/users"), QStringLiteral("none"));
    }

    void emptyTextHasNoRules()
    {
        QVERIFY(parsed(QString()).isEmpty());
        QVERIFY(parsed(QStringLiteral(" ; \n# only a comment\n")).isEmpty());
    }

    void badRulesAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("two words") << QStringLiteral("GET /pages");
        QTest::newRow("four words") << QStringLiteral("GET /pages page:read extra");
        QTest::newRow("bad action") << QStringLiteral("GET /pages page:delete");
        QTest::newRow("bad requirement") << QStringLiteral("GET /pages everyone");
        QTest::newRow("relative prefix") << QStringLiteral("GET pages page:read");
        QTest::newRow("bad method") << QStringLiteral("G3T /pages page:read");
        QTest::newRow("ambiguous prefix") << QStringLiteral("GET /a%2Fb page:read");
        QTest::newRow("one good one bad") << QStringLiteral("GET /pages page:read; POST /x");
    }

    void badRulesAreRefused()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!ForwardAuthRules::parse(text, &error));
        QVERIFY(error.contains(u"forward-auth rule"));
    }

    void permissionsListsWhatTheRulesName()
    {
        const ForwardAuthRules rules = parsed(QStringLiteral("GET /a page:read; POST /a page:write; GET /b page:read; "
                                                             "GET /c public"));
        QCOMPARE(rules.permissions(), (QStringList{QStringLiteral("page:read"), QStringLiteral("page:write")}));
    }
};

QTEST_GUILESS_MAIN(TestForwardAuthRules)
#include "http_forwardauthrules.moc"
