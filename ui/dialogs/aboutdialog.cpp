#include "aboutdialog.h"

#include "ui/appicon.h"

#include <QMessageBox>

namespace AboutDialog {

void show(QWidget* parent)
{
    auto* box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(QObject::tr("About Gatehouse"));
    box->setIconPixmap(AppIcon::icon().pixmap(64, 64));
    // The license as README.md and LICENSE state it (an SPDX identifier, never translated).
    box->setText(QObject::tr("<h3>Gatehouse %1</h3>"
                             "<p>The authentication server of the encoder's control panel.</p>"
                             "<p>License: %2</p>")
                     .arg(QStringLiteral(GATEHOUSE_VERSION), QStringLiteral("GPL-3.0-or-later")));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

} // namespace AboutDialog
