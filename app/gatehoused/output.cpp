#include "output.h"

#include "server/values/isotime.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace {

constexpr qsizetype MaxCellLength = 60;

// Names, user agents and the like come from clients: a control character in a cell could
// drive the operator's terminal (escape sequences), so each one is shown as '?'. Long
// cells are cut so one client's user agent does not wreck the table.
QString printable(const QString& cell)
{
    QString shown = cell.size() > MaxCellLength ? cell.left(MaxCellLength - 3) + QLatin1String("...") : cell;
    for (QChar& c : shown) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u'?';
    }
    return shown;
}

} // namespace

namespace Output {

void Table::addRow(QStringList cells)
{
    for (QString& cell : cells)
        cell = printable(cell);
    m_rows.push_back(std::move(cells));
}

void Table::print() const
{
    std::vector<qsizetype> widths(m_headers.size());
    for (qsizetype column = 0; column < m_headers.size(); ++column) {
        widths[column] = m_headers.at(column).size();
        for (const QStringList& row : m_rows)
            widths[column] = std::max(widths[column], row.value(column).size());
    }
    const auto printRow = [&widths](const QStringList& cells) {
        QString line;
        for (qsizetype column = 0; column < qsizetype(widths.size()); ++column) {
            const bool last = column + 1 == qsizetype(widths.size());
            line += last ? cells.value(column) : cells.value(column).leftJustified(widths[column] + 2);
        }
        printLine(line);
    };
    printRow(m_headers);
    for (const QStringList& row : m_rows)
        printRow(row);
    if (m_rows.empty())
        printLine(QCoreApplication::translate("Output", "(none)"));
}

void printJson(const QJsonObject& object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

void printLine(const QString& line)
{
    std::fputs(line.toUtf8().append('\n').constData(), stdout);
}

QString tableTime(qint64 msSinceEpoch)
{
    return msSinceEpoch > 0 ? isoUtc(msSinceEpoch) : QStringLiteral("-");
}

} // namespace Output
