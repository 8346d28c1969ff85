#include "tablesetup.h"

#include <QHeaderView>
#include <QTableView>

namespace TableSetup {

QTableView* create(const QString& objectName, QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

void setWidths(QTableView* view, std::initializer_list<int> widths)
{
    int column = 0;
    for (const int width : widths)
        view->horizontalHeader()->resizeSection(column++, width);
}

} // namespace TableSetup
