#include "panelsettings.h"

namespace {
const QString KeepServingKey = QStringLiteral("window/keepServing");
}

PanelSettings::PanelSettings(QObject* parent)
    : QObject(parent), m_settings(QStringLiteral("Gatehouse"), QStringLiteral("gatehouse"))
{}

PanelSettings::PanelSettings(const QString& iniFile, QObject* parent)
    : QObject(parent), m_settings(iniFile, QSettings::IniFormat)
{}

bool PanelSettings::keepServingWhenClosed() const
{
    return m_settings.value(KeepServingKey, true).toBool();
}

void PanelSettings::setKeepServingWhenClosed(bool keep)
{
    if (keep == keepServingWhenClosed())
        return;
    m_settings.setValue(KeepServingKey, keep);
    m_settings.sync();
    emit changed(KeepServingKey);
}
