#pragma once

#include <QString>
#include <QStringView>

// The three API dialects of API.md. They share one auth core; only envelopes differ.
// ForwardAuth is the manager dialect's /auth/verify, whose answers carry no body at all
// (a proxy reads only the status and headers).
enum class Dialect {
    Flex,
    Rest,
    Manager,
    ForwardAuth
};

// /flex/... is flex, /auth/verify forward-auth, /auth/... manager, everything else (/api,
// /health) rest.
Dialect dialectForPath(QStringView path);
QString dialectName(Dialect dialect);
