#pragma once

#include <QByteArray>
#include <QString>

// The password rules of API.md: NFKC-normalised, at least 12 code points, at most
// 1,024 UTF-8 bytes, not in the common-password dictionary (libpwquality/cracklib;
// catches "password1234" too). check() consults the dictionary: call it off the event loop.
struct PasswordCheck
{
    bool acceptable = false;
    QString reason;        // for the client, e.g. "Password must be at least 12 characters"
    QByteArray normalized; // NFKC UTF-8, what gets hashed
};

namespace PasswordPolicy {

constexpr int MinCodePoints = 12;
constexpr int MaxBytes = 1024;

QByteArray normalize(const QString& password);
// Cheap checks only (length in code points and bytes); no dictionary.
PasswordCheck checkLength(const QString& password);
// Everything, dictionary included.
PasswordCheck check(const QString& password);

} // namespace PasswordPolicy
