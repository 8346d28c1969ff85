#pragma once

#include <QString>

#include <optional>

// admin_password_file (and the systemd credential that stands for it): the admin password is
// the file's first line, without its line ending, so `echo secret > file` works as expected.
namespace AdminPasswordFile {

// nullopt with a one-line reason (never the content) when the file cannot be read or is empty.
std::optional<QString> read(const QString& path, QString* error);

} // namespace AdminPasswordFile
