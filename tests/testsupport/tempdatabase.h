#pragma once

#include "storage/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A migrated SQLite database in a temporary directory of its own, removed with this object:
// the storage unit tests' fixture. Header-only, so a unit test links nothing but its module.
class TempDatabase
{
public:
    TempDatabase()
    {
        if (m_dir.isValid()) {
            m_database = std::make_unique<Database>(path());
            m_ready = m_database->migrate(&m_error);
        } else {
            m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
        }
    }

    bool ready() const { return m_ready; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.filePath(QStringLiteral("gatehouse.db")); }
    Database& database() { return *m_database; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database; // closed before the directory goes
    QString m_error;
    bool m_ready = false;
};
