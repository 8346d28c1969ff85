#pragma once

#include <QString>

#include <initializer_list>

class QAbstractItemModel;
class QTableView;
class QWidget;

// Every table of the panel looks and behaves alike: whole rows selected one at a time,
// one line per row of a fixed height (so a view of 100,000 rows costs nothing per row),
// no row numbers, the last column taking the rest of the width.
namespace TableSetup {

QTableView* create(const QString& objectName, QAbstractItemModel* model, QWidget* parent);
// Initial column widths in pixels, first column first (the last one stretches).
void setWidths(QTableView* view, std::initializer_list<int> widths);

} // namespace TableSetup
