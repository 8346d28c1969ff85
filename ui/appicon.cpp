#include "appicon.h"

namespace AppIcon {

QIcon icon()
{
    // The PNGs serve where Qt has no SVG icon engine installed (qt6-svg is not a dependency);
    // the SVG, where it has one, scales to any other size.
    QIcon icon(QStringLiteral(":/icons/gatehouse.svg"));
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/io.github.gatehouse.Gatehouse.png").arg(size));
    return icon;
}

} // namespace AppIcon
