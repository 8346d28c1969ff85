#pragma once

// "The disk is full", on demand, for every SQLite database this process opens: a VFS,
// registered as SQLite's default, that hands everything to the real one, except that while
// the disk is full each write fails with SQLITE_FULL — exactly what SQLite's unix VFS
// reports when write() fails with ENOSPC, at whatever point SQLite writes (a WAL append at
// COMMIT included). Deterministic and needs no root, unlike filling a small tmpfs (where
// SQLite may still overwrite WAL frames it had allocated before, so whether a commit fails
// would depend on the WAL's history). install() must run before the first database opens.
namespace FullDisk {

void install(); // idempotent
void setFull(bool full);

// Full for the lifetime of the object.
class Scope
{
public:
    Scope() { setFull(true); }
    ~Scope() { setFull(false); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
};

} // namespace FullDisk
