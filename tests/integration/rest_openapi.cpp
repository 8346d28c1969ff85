// GET /api/openapi.json: public, a structurally valid OpenAPI 3 document (every operation
// has responses, every {placeholder} is a declared required path parameter, every $ref
// resolves), listing every route docs/API.md promises for the flex, rest and
// administration rows — and every operation it lists is really answered by the server
// (probed with real ids: never 404 or 405).
#include "tests/testsupport/restfixture.h"
#include "tests/testsupport/resthelpers.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

const QStringList HttpMethods{QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                              QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                              QStringLiteral("patch"),  QStringLiteral("trace")};

// Every route of docs/API.md's flex, rest and Administration tables, as "METHOD /path"
// with {placeholders} (their names do not matter: compared as "{}").
const QStringList ContractRoutes{
    QStringLiteral("GET /flex/health"),
    QStringLiteral("GET /flex/healthz"),
    QStringLiteral("GET /flex/version"),
    QStringLiteral("GET /flex/auth/status"),
    QStringLiteral("GET /flex/auth/session"),
    QStringLiteral("POST /flex/auth/login"),
    QStringLiteral("POST /flex/auth/logout"),
    QStringLiteral("PUT /flex/auth/password"),
    QStringLiteral("DELETE /flex/auth/password"),
    QStringLiteral("GET /health"),
    QStringLiteral("GET /api/health"),
    QStringLiteral("POST /api/auth/login"),
    QStringLiteral("POST /api/auth/refresh"),
    QStringLiteral("POST /api/logout"),
    QStringLiteral("POST /api/change-password"),
    QStringLiteral("GET /api/ws-token"),
    QStringLiteral("GET /api/ws/logs"),
    QStringLiteral("GET /api/me"),
    QStringLiteral("GET /api/users"),
    QStringLiteral("POST /api/users"),
    QStringLiteral("PATCH /api/users/{id}"),
    QStringLiteral("DELETE /api/users/{id}"),
    // GET/POST /api/tokens and DELETE /api/tokens/{id} join with the API tokens themselves
    // (the manager-dialect issue).
    QStringLiteral("GET /api/sessions"),
    QStringLiteral("DELETE /api/sessions/{id}"),
    QStringLiteral("GET /api/ratelimit/events"),
    QStringLiteral("GET /api/ratelimit/blocks"),
    QStringLiteral("DELETE /api/ratelimit/blocks/{ip}"),
    QStringLiteral("GET /api/audit"),
    QStringLiteral("GET /api/openapi.json"),
};

const QString BlockedIp = QStringLiteral("10.66.0.1");

QRegularExpression placeholderPattern()
{
    return QRegularExpression(QStringLiteral(R"(\{([^}/]+)\})"));
}

QString normalized(const QString& route)
{
    return QString(route).replace(placeholderPattern(), QStringLiteral("{}"));
}

QStringList placeholders(const QString& path)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(path);
    while (it.hasNext())
        names << it.next().captured(1);
    return names;
}

// Resolves a local JSON pointer ("#/components/parameters/Id"); undefined if it does not.
QJsonValue resolve(const QJsonObject& document, const QString& ref)
{
    if (!ref.startsWith(QStringLiteral("#/")))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue node = document;
    for (QString part : ref.mid(2).split(u'/')) {
        part.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (!node.isObject() || !node.toObject().contains(part))
            return QJsonValue(QJsonValue::Undefined);
        node = node.toObject().value(part);
    }
    return node;
}

QJsonObject deref(const QJsonObject& document, const QJsonValue& value)
{
    const QJsonObject object = value.toObject();
    if (object.contains(QStringLiteral("$ref")))
        return resolve(document, object.value(QStringLiteral("$ref")).toString()).toObject();
    return object;
}

// Every "$ref" string anywhere below `node`.
void collectRefs(const QJsonValue& node, QStringList* refs)
{
    if (node.isObject()) {
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == u"$ref" && it.value().isString())
                refs->append(it.value().toString());
            else
                collectRefs(it.value(), refs);
        }
    } else if (node.isArray()) {
        for (const QJsonValue& item : node.toArray())
            collectRefs(item, refs);
    }
}

struct Operation
{
    QByteArray method; // upper case
    QString path;      // as documented, with {placeholders}
    QJsonObject pathItem;
    QJsonObject operation;
};

QList<Operation> operations(const QJsonObject& document)
{
    QList<Operation> list;
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (const QString& method : HttpMethods) {
            if (item.contains(method))
                list.append({method.toUpper().toLatin1(), it.key(), item, item.value(method).toObject()});
        }
    }
    return list;
}

} // namespace

class RestOpenApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void isPublic_data();
    void isPublic();
    void structure();
    void pathParametersDeclared();
    void refsResolve();
    void listsEveryContractRoute();
    void everyOperationIsAnswered();

private:
    QJsonObject document();
    // Real values for a path's {placeholders}, so a probe reaches the handler.
    QString probePath(const QString& path) const;
    void prepareProbeTargets();

    std::unique_ptr<RestFixture> m_fx;
    QString m_userId;
    QString m_sessionId;
    QString m_tokenId;
};

void RestOpenApiTest::init()
{
    // The test client is a trusted proxy, so a lockout can be set up for another address.
    m_fx = std::make_unique<RestFixture>([](Config& config) {
        config.trustedProxies = {{QHostAddress(QStringLiteral("127.0.0.1")), 32}};
    });
    QVERIFY2(m_fx->start(), qPrintable(m_fx->startError()));
    QVERIFY(m_fx->enableAuth());
}

void RestOpenApiTest::cleanup()
{
    m_fx.reset();
}

QJsonObject RestOpenApiTest::document()
{
    const HttpResponse response = m_fx->rest.openapi();
    if (response.status != 200 || !response.json.isObject())
        qWarning("GET /api/openapi.json: %s", qPrintable(response.describe()));
    return response.object();
}

void RestOpenApiTest::isPublic_data()
{
    QTest::addColumn<bool>("authEnabled");
    QTest::newRow("auth enabled") << true;
    QTest::newRow("auth disabled") << false;
}

void RestOpenApiTest::isPublic()
{
    QFETCH(bool, authEnabled);
    if (!authEnabled)
        EXPECT_STATUS(m_fx->flex.removePassword(m_fx->flex.loginToken(TestPasswords::first())), 200);
    const HttpResponse response = m_fx->rest.openapi();
    EXPECT_STATUS(response, 200);
    QVERIFY(response.header("Content-Type").toLower().startsWith("application/json"));
    QVERIFY(response.json.isObject());
    QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
}

void RestOpenApiTest::structure()
{
    const QJsonObject doc = document();
    QVERIFY2(doc.value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.")),
             qPrintable(doc.value(QStringLiteral("openapi")).toString()));
    const QJsonObject info = doc.value(QStringLiteral("info")).toObject();
    QVERIFY(!info.value(QStringLiteral("title")).toString().isEmpty());
    QVERIFY(!info.value(QStringLiteral("version")).toString().isEmpty());
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    QVERIFY(!paths.isEmpty());
    QSet<QString> operationIds;
    const QJsonObject schemes =
        doc.value(QStringLiteral("components")).toObject().value(QStringLiteral("securitySchemes")).toObject();
    for (const Operation& op : operations(doc)) {
        const QString where = QString::fromLatin1(op.method) + u' ' + op.path;
        QVERIFY2(op.path.startsWith(u'/'), qPrintable(where));
        const QJsonObject responses = op.operation.value(QStringLiteral("responses")).toObject();
        QVERIFY2(!responses.isEmpty(), qPrintable(where + QStringLiteral(": no responses")));
        for (auto it = responses.begin(); it != responses.end(); ++it) {
            static const QRegularExpression code(QStringLiteral(R"(^([1-5]\d\d|[1-5]XX|default)$)"));
            QVERIFY2(code.match(it.key()).hasMatch(), qPrintable(where + u' ' + it.key()));
            const QJsonObject answer = deref(doc, it.value());
            QVERIFY2(answer.value(QStringLiteral("description")).isString(),
                     qPrintable(where + u' ' + it.key() + QStringLiteral(": no description")));
        }
        const QString id = op.operation.value(QStringLiteral("operationId")).toString();
        if (!id.isEmpty()) {
            QVERIFY2(!operationIds.contains(id), qPrintable(QStringLiteral("duplicate operationId ") + id));
            operationIds.insert(id);
        }
        for (const QJsonValue& requirement : op.operation.value(QStringLiteral("security")).toArray()) {
            for (const QString& scheme : requirement.toObject().keys())
                QVERIFY2(schemes.contains(scheme), qPrintable(where + QStringLiteral(": unknown scheme ") + scheme));
        }
    }
}

void RestOpenApiTest::pathParametersDeclared()
{
    const QJsonObject doc = document();
    QVERIFY(!operations(doc).isEmpty());
    for (const Operation& op : operations(doc)) {
        const QString where = QString::fromLatin1(op.method) + u' ' + op.path;
        QSet<QString> declared;
        QJsonArray parameters = op.pathItem.value(QStringLiteral("parameters")).toArray();
        for (const QJsonValue& parameter : op.operation.value(QStringLiteral("parameters")).toArray())
            parameters.append(parameter);
        for (const QJsonValue& value : parameters) {
            const QJsonObject parameter = deref(doc, value);
            QVERIFY2(!parameter.isEmpty(), qPrintable(where + QStringLiteral(": unresolvable parameter")));
            if (parameter.value(QStringLiteral("in")).toString() != u"path")
                continue;
            const QString name = parameter.value(QStringLiteral("name")).toString();
            QVERIFY2(parameter.value(QStringLiteral("required")).toBool(),
                     qPrintable(where + QStringLiteral(": path parameter not required: ") + name));
            QVERIFY2(parameter.contains(QStringLiteral("schema")),
                     qPrintable(where + QStringLiteral(": no schema for ") + name));
            declared.insert(name);
        }
        const QStringList names = placeholders(op.path);
        QCOMPARE(declared, QSet<QString>(names.cbegin(), names.cend()));
    }
}

void RestOpenApiTest::refsResolve()
{
    const QJsonObject doc = document();
    QStringList refs;
    collectRefs(doc, &refs);
    for (const QString& ref : std::as_const(refs))
        QVERIFY2(!resolve(doc, ref).isUndefined(), qPrintable(QStringLiteral("dangling $ref ") + ref));
}

void RestOpenApiTest::listsEveryContractRoute()
{
    QSet<QString> documented;
    for (const Operation& op : operations(document()))
        documented.insert(normalized(QString::fromLatin1(op.method) + u' ' + op.path));
    QStringList missing;
    for (const QString& route : ContractRoutes) {
        if (!documented.contains(normalized(route)))
            missing << route;
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("not in the document: ") + missing.join(QStringLiteral(", "))));
}

void RestOpenApiTest::prepareProbeTargets()
{
    m_userId = m_fx->createUser(QStringLiteral("probe-user"), QStringLiteral("viewer"), TestPasswords::second());
    QVERIFY(!m_userId.isEmpty());
    const TokenPair admin = m_fx->rest.loginPair(QStringLiteral("admin"), TestPasswords::first());
    QVERIFY(admin.isValid());
    const HttpResponse sessions = m_fx->rest.listSessions(RestClient::bearer(admin.access));
    for (const QJsonValue& item : sessions.object().value(QStringLiteral("sessions")).toArray()) {
        if (item.toObject().value(QStringLiteral("current")).toBool())
            m_sessionId = RestClient::idText(item.toObject().value(QStringLiteral("id")));
    }
    QVERIFY2(!m_sessionId.isEmpty(), qPrintable(sessions.describe()));
    const HttpResponse token =
        m_fx->http.send("POST", m_fx->rest.url(QStringLiteral("/api/tokens")),
                        R"({"name":"probe","permissions":["logs:read"]})", RestFixture::adminBasic());
    EXPECT_STATUS(token, 201);
    m_tokenId =
        RestClient::idText(token.object().value(QStringLiteral("token")).toObject().value(QStringLiteral("id")));
    for (int i = 0; i < 5; ++i) {
        const HttpResponse failed = m_fx->http.send("POST", m_fx->rest.url(QStringLiteral("/api/auth/login")),
                                                    R"({"username":"admin","password":"not-the-Password-8841"})",
                                                    {{"X-Forwarded-For", BlockedIp.toUtf8()}});
        EXPECT_STATUS(failed, 401);
    }
}

QString RestOpenApiTest::probePath(const QString& path) const
{
    const QList<QPair<QString, QString>> targets{{QStringLiteral("/api/users/"), m_userId},
                                                 {QStringLiteral("/api/sessions/"), m_sessionId},
                                                 {QStringLiteral("/api/ratelimit/blocks/"), BlockedIp},
                                                 {QStringLiteral("/api/tokens/"), m_tokenId}};
    for (const auto& [prefix, value] : targets) {
        if (path.startsWith(prefix))
            return QString(path).replace(placeholderPattern(), value);
    }
    return QString(path).replace(placeholderPattern(), QStringLiteral("1"));
}

void RestOpenApiTest::everyOperationIsAnswered()
{
    const QJsonObject doc = document();
    QList<Operation> ops = operations(doc);
    QVERIFY(!ops.isEmpty());
    prepareProbeTargets();
    if (QTest::currentTestFailed())
        return;
    // Removing the admin password ends every session (the probed one too): probe it last.
    std::stable_partition(ops.begin(), ops.end(), [](const Operation& op) {
        return !(op.method == "DELETE" && op.path == u"/flex/auth/password");
    });
    QStringList unanswered;
    for (const Operation& op : std::as_const(ops)) {
        const QByteArray body = op.method == "POST" || op.method == "PUT" || op.method == "PATCH" ? "{}" : "";
        const QUrl url = m_fx->rest.url(probePath(op.path));
        const HttpResponse response = m_fx->http.send(op.method, url, body, RestFixture::adminBasic());
        // 404/405 would mean the server has no such route; 500 is never an answer to a request.
        if (response.status == 0 || response.status == 404 || response.status == 405 || response.status >= 500)
            unanswered << QString::fromLatin1(op.method) + u' ' + url.path() + QStringLiteral(" -> ")
                    + response.describe();
    }
    QVERIFY2(unanswered.isEmpty(), qPrintable(unanswered.join(QStringLiteral("\n"))));
}

QTEST_GUILESS_MAIN(RestOpenApiTest)
#include "rest_openapi.moc"
