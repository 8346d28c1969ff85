#include "core/principal.h"

QString authMethodName(Principal::Method method)
{
    switch (method) {
    case Principal::Method::Bearer:
        return QStringLiteral("bearer");
    case Principal::Method::Basic:
        return QStringLiteral("basic");
    case Principal::Method::ApiToken:
        return QStringLiteral("api_token");
    case Principal::Method::Anonymous:
        break;
    }
    return QStringLiteral("anonymous");
}
