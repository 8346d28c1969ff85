#pragma once

#include "testhelpers.h"

#include <QJsonObject>
#include <QString>

// Checks an error in the rest envelope: the status, then {"status": "error", "error": code,
// "message": "<non-empty text>"} (a 429 also carries "retry_after_seconds").
#define EXPECT_REST_ERROR(response, expectedStatus, code)                                                              \
    do {                                                                                                               \
        const auto& restResponse_ = (response);                                                                        \
        EXPECT_STATUS(restResponse_, expectedStatus);                                                                  \
        const QJsonObject restBody_ = restResponse_.object();                                                          \
        QVERIFY2(restBody_.value(QStringLiteral("status")).toString() == QStringLiteral("error")                       \
                     && restBody_.value(QStringLiteral("message")).isString()                                          \
                     && !restBody_.value(QStringLiteral("message")).toString().isEmpty(),                              \
                 qPrintable(QStringLiteral("not a rest error body: ") + QString::fromUtf8(restResponse_.body)));       \
        QCOMPARE(restBody_.value(QStringLiteral("error")).toString(), QString(code));                                  \
    } while (false)

// Checks a 200 with "status": "success".
#define EXPECT_REST_SUCCESS(response)                                                                                  \
    do {                                                                                                               \
        const auto& restResponse_ = (response);                                                                        \
        EXPECT_STATUS(restResponse_, 200);                                                                             \
        QCOMPARE(restResponse_.object().value(QStringLiteral("status")).toString(), QStringLiteral("success"));        \
    } while (false)
