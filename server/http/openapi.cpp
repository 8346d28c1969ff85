#include "http/openapi.h"

#include "http/endpoints.h"
#include "http/routetable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The OpenAPI key of a method; empty for methods OpenAPI cannot describe.
QString operationKey(HttpMethod method)
{
    return method == HttpMethod::Other ? QString() : QString::fromLatin1(methodName(method).toLower());
}

QJsonArray pathParameters(const QString& pattern)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^}/]+)\\}"));
    QJsonArray parameters;
    for (const QRegularExpressionMatch& match : placeholder.globalMatch(pattern)) {
        parameters.append(QJsonObject{{u"name"_s, match.captured(1)},
                                      {u"in"_s, u"path"_s},
                                      {u"required"_s, true},
                                      {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}});
    }
    return parameters;
}

QJsonObject jsonContent(const QJsonObject& schema)
{
    return {{u"application/json"_s, QJsonObject{{u"schema"_s, schema}}}};
}

QJsonObject errorResponse(const QString& dialect, const QString& description)
{
    static const QStringList known{u"flex"_s, u"rest"_s, u"manager"_s};
    const QString schema = known.contains(dialect) ? dialect : u"rest"_s;
    const QJsonObject reference{{u"$ref"_s, QString(u"#/components/schemas/"_s + schema + u"Error"_s)}};
    return {{u"description"_s, description}, {u"content"_s, jsonContent(reference)}};
}

QJsonObject responses(const Route& route)
{
    QJsonObject responses{{u"200"_s,
                           QJsonObject{{u"description"_s, u"Success"_s},
                                       {u"content"_s, jsonContent(QJsonObject{{u"type"_s, u"object"_s}})}}},
                          {u"429"_s, errorResponse(route.dialect, u"Too many requests"_s)}};
    if (route.authenticated)
        responses.insert(u"401"_s, errorResponse(route.dialect, u"Missing or invalid credential"_s));
    if (!route.permission.isEmpty())
        responses.insert(u"403"_s, errorResponse(route.dialect, u"The caller lacks the permission"_s));
    return responses;
}

QString operationId(const Route& route)
{
    static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    QString id = operationKey(route.method) + u'_' + route.pattern;
    id.replace(separators, u"_"_s);
    while (id.endsWith(u'_'))
        id.chop(1);
    return id;
}

QJsonObject operation(const Route& route)
{
    QJsonObject operation{{u"operationId"_s, operationId(route)},
                          {u"summary"_s, route.summary},
                          {u"tags"_s, QJsonArray{route.dialect}},
                          {u"responses"_s, responses(route)}};
    QString description =
        route.authenticated ? u"Needs a credential (while authentication is enabled)."_s : u"Public."_s;
    if (!route.permission.isEmpty()) {
        description += u" Needs the permission `"_s + route.permission + u"`."_s;
        operation.insert(u"x-permission"_s, route.permission);
    }
    operation.insert(u"description"_s, description);
    if (route.authenticated) {
        operation.insert(
            u"security"_s,
            QJsonArray{QJsonObject{{u"bearerAuth"_s, QJsonArray()}}, QJsonObject{{u"basicAuth"_s, QJsonArray()}}});
    }
    return operation;
}

QJsonObject paths(const RouteTable& table)
{
    QJsonObject paths;
    for (const Route& route : table.routes()) {
        const QString key = operationKey(route.method);
        if (key.isEmpty())
            continue;
        QJsonObject item = paths.value(route.pattern).toObject();
        const QJsonArray parameters = pathParameters(route.pattern);
        if (!parameters.isEmpty())
            item.insert(u"parameters"_s, parameters);
        item.insert(key, operation(route));
        paths.insert(route.pattern, item);
    }
    return paths;
}

QJsonObject errorSchema(const QStringList& required)
{
    QJsonObject properties;
    for (const QString& name : required)
        properties.insert(name, QJsonObject{{u"type"_s, u"string"_s}});
    return {
        {u"type"_s, u"object"_s}, {u"required"_s, QJsonArray::fromStringList(required)}, {u"properties"_s, properties}};
}

QJsonObject components()
{
    const QJsonObject bearer{
        {u"type"_s, u"http"_s},
        {u"scheme"_s, u"bearer"_s},
        {u"bearerFormat"_s, u"JWT"_s},
        {u"description"_s, u"An access JWT from any dialect's login or refresh, or an API token (gatehouse_...)"_s}};
    const QJsonObject basic{{u"type"_s, u"http"_s}, {u"scheme"_s, u"basic"_s}};
    return {{u"securitySchemes"_s, QJsonObject{{u"bearerAuth"_s, bearer}, {u"basicAuth"_s, basic}}},
            {u"schemas"_s,
             QJsonObject{{u"flexError"_s, errorSchema({u"error"_s})},
                         {u"restError"_s, errorSchema({u"status"_s, u"error"_s, u"message"_s})},
                         {u"managerError"_s, errorSchema({u"error"_s, u"message"_s})}}}};
}

QJsonArray tags()
{
    return {
        QJsonObject{{u"name"_s, u"flex"_s}, {u"description"_s, u"Single-password device auth"_s}},
        QJsonObject{{u"name"_s, u"rest"_s}, {u"description"_s, u"JWT pair, Basic, administration (/health, /api)"_s}},
        QJsonObject{{u"name"_s, u"manager"_s},
                    {u"description"_s, u"JWT login with a user object, OpenID Connect, forward-auth"_s}}};
}

} // namespace

QByteArray OpenApi::render(const RouteTable& routes)
{
    const QString about = u"One authentication core behind three API dialects: a credential from any dialect "
                          u"works on every protected route."_s;
    const QJsonObject info{
        {u"title"_s, u"Gatehouse"_s}, {u"version"_s, QStringLiteral(GATEHOUSE_VERSION)}, {u"description"_s, about}};
    const QJsonObject document{{u"openapi"_s, u"3.0.3"_s},
                               {u"info"_s, info},
                               {u"tags"_s, tags()},
                               {u"paths"_s, paths(routes)},
                               {u"components"_s, components()}};
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

void OpenApi::registerRoutes(Endpoints& endpoints, const RouteTable& routes)
{
    auto rendered = std::make_shared<QByteArray>();
    endpoints.add(HttpMethod::Get, QStringLiteral("/api/openapi.json"), Access::Public,
                  QStringLiteral("This OpenAPI 3 description of every route"),
                  [&routes, rendered](const Call&, Responder& r) {
                      if (rendered->isEmpty())
                          *rendered = render(routes);
                      r.send(200, *rendered, QByteArrayLiteral("application/json"));
                  });
}
