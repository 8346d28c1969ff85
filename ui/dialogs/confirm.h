#pragma once

#include <QString>

#include <functional>

class QWidget;

// A yes/no question that does not block: the box opens window-modal and `yes` runs only if
// the operator confirms. The box is named `objectName`, its buttons "confirmYes" and
// "confirmNo", so tests click them like a person would.
namespace Confirm {

void ask(QWidget* parent, const QString& objectName, const QString& question, const QString& detail,
         const QString& yesText, std::function<void()> yes);

} // namespace Confirm
