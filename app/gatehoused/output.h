#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

// How the administration commands print their results: aligned tables for people, JSON for
// scripts (the objects are RecordJson's, so their keys are those of the REST API).
namespace Output {

// Columns padded to their widest cell, a header row first.
class Table
{
public:
    explicit Table(QStringList headers) : m_headers(std::move(headers)) {}
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.empty(); }
    void print() const;

private:
    QStringList m_headers;
    std::vector<QStringList> m_rows;
};

void printJson(const QJsonObject& object);
void printLine(const QString& line);

// "2026-01-28T10:30:00Z", or "-" for 0 (never).
QString tableTime(qint64 msSinceEpoch);

} // namespace Output
