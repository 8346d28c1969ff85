#include "confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace Confirm {

void ask(QWidget* parent, const QString& objectName, const QString& question, const QString& detail,
         const QString& yesText, std::function<void()> yes)
{
    auto* box =
        new QMessageBox(QMessageBox::Question, QObject::tr("Gatehouse"), question, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setInformativeText(detail);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yesButton = box->addButton(yesText, QMessageBox::AcceptRole);
    QPushButton* noButton = box->addButton(QMessageBox::Cancel);
    yesButton->setObjectName(QStringLiteral("confirmYes"));
    noButton->setObjectName(QStringLiteral("confirmNo"));
    box->setDefaultButton(noButton); // a stray Enter must not revoke or remove anything
    QObject::connect(box, &QMessageBox::buttonClicked, box, [yesButton, yes = std::move(yes)](QAbstractButton* b) {
        if (b == yesButton)
            yes();
    });
    box->open();
}

} // namespace Confirm
