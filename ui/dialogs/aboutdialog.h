#pragma once

class QWidget;

// Help ▸ About: the version, what Gatehouse is, and its license. Like the confirm boxes it
// does not block (window-modal, opened), so GUI tests read it without a hook; it is named
// "aboutDialog".
namespace AboutDialog {

void show(QWidget* parent);

} // namespace AboutDialog
