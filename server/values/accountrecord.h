#pragma once

#include <QByteArray>
#include <QString>

struct AccountRecord
{
    qint64 id = 0;
    QString username;
    QString firstname;
    QString lastname;
    QString role;            // "admin" | "operator" | "viewer"
    QByteArray passwordHash; // PHC argon2id or imported bcrypt; empty = no password set
    bool disabled = false;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};
