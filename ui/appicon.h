#pragma once

#include <QIcon>

// Gatehouse's application icon (resources/icons: the SVG and its PNG renderings, embedded as
// the resources :/icons/...), the same picture the desktop entry names.
namespace AppIcon {

QIcon icon();

} // namespace AppIcon
