#pragma once

#include <QObject>
#include <QSettings>

// The control panel's own settings (not the server's: those live in gatehouse.conf).
// One table, one place:
//   key                      default  meaning
//   window/keepServing       true     closing the window hides it; the server keeps serving
// Stored with QSettings under "Gatehouse/gatehouse"; tests pass a file of their own.
class PanelSettings : public QObject
{
    Q_OBJECT

public:
    explicit PanelSettings(QObject* parent = nullptr);
    explicit PanelSettings(const QString& iniFile, QObject* parent = nullptr);

    QString fileName() const { return m_settings.fileName(); }

    bool keepServingWhenClosed() const;
    void setKeepServingWhenClosed(bool keep);

signals:
    void changed(const QString& key);

private:
    QSettings m_settings;
};
