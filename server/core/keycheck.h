#pragma once

#include <QString>

class Database;

// Instances sharing a PostgreSQL database must share their keys: sessions and API tokens are
// stored as hashes keyed with the pepper, JWTs are signed with the signing key, secrets are
// sealed with the sealing key. The first instance records the key check value
// (KeyStore::checkValue) in the database; any later one with another value refuses to start,
// rather than reject every credential the others issued (or issue ones they reject).
// A SQLite file has one owner, so it records nothing: there a changed key only ends the
// sessions and tokens issued before, as it always did.
namespace KeyCheck {

// True when the keys match (or were just recorded); false with a one-line reason otherwise.
bool verify(Database& database, const QString& checkValue, QString* error);

} // namespace KeyCheck
