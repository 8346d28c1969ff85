#pragma once

#include <QString>
#include <QStringView>

// The three API dialects of API.md. They share one auth core; only envelopes differ.
enum class Dialect { Flex, Rest, Manager };

// /flex/... is flex, /auth/... is manager, everything else (/api, /health) is rest.
Dialect dialectForPath(QStringView path);
QString dialectName(Dialect dialect);
