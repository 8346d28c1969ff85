#include "http/dialect.h"

Dialect dialectForPath(QStringView path)
{
    if (path.startsWith(u"/flex/") || path == u"/flex")
        return Dialect::Flex;
    if (path == u"/auth/verify")
        return Dialect::ForwardAuth;
    if (path.startsWith(u"/auth/") || path == u"/auth")
        return Dialect::Manager;
    return Dialect::Rest;
}

QString dialectName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Flex:
        return QStringLiteral("flex");
    case Dialect::Rest:
        return QStringLiteral("rest");
    case Dialect::Manager:
    case Dialect::ForwardAuth:
        return QStringLiteral("manager");
    }
    return QStringLiteral("rest");
}
