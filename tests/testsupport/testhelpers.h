#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

// Compact JSON for failure messages (QJsonObject keeps its keys sorted, so it is stable).
inline QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Checks a response's status, printing the whole response when it differs.
// The response expression is evaluated once: QVERIFY2 evaluates its description even when
// the check passes, so naming a request there would send it twice.
#define EXPECT_STATUS(response, expected)                                                                              \
    do {                                                                                                               \
        const auto& response_ = (response);                                                                            \
        QVERIFY2(response_.status == (expected),                                                                       \
                 qPrintable(QStringLiteral("expected status %1, got %2").arg(expected).arg(response_.describe())));    \
    } while (false)

// Checks a response's JSON body equals the expected object exactly (variadic, so a
// braced QJsonObject{{...}, {...}} can be passed as is).
#define EXPECT_BODY(response, ...)                                                                                     \
    do {                                                                                                               \
        const QJsonObject expectedBody_ = __VA_ARGS__;                                                                 \
        QVERIFY2((response).object() == expectedBody_,                                                                 \
                 qPrintable(QStringLiteral("expected body %1, got %2")                                                 \
                                .arg(compactJson(expectedBody_), QString::fromUtf8((response).body.left(400)))));      \
    } while (false)

// Checks an error body in the flex envelope: {"error": "<text>"}; with `text` empty only
// that "error" is a non-empty string and the only key.
#define EXPECT_FLEX_ERROR(response, text)                                                                              \
    do {                                                                                                               \
        const QJsonObject errorBody_ = (response).object();                                                            \
        QVERIFY2(errorBody_.size() == 1 && errorBody_.value(QStringLiteral("error")).isString()                        \
                     && !errorBody_.value(QStringLiteral("error")).toString().isEmpty(),                               \
                 qPrintable(QStringLiteral("not a flex error body: ") + QString::fromUtf8((response).body)));          \
        if (!QString(text).isEmpty())                                                                                  \
            QCOMPARE(errorBody_.value(QStringLiteral("error")).toString(), QString(text));                             \
    } while (false)
