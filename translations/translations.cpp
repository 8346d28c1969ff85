#include "translations/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

// Installs `file`_<language>.qm from `directory`; false (and nothing installed) if there is none.
bool installTranslator(QCoreApplication& app, const QLocale& language, const QString& file, const QString& directory)
{
    auto* translator = new QTranslator(&app);
    if (!translator->load(language, file, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

namespace Translations {

void install(QCoreApplication& app)
{
    // In the order of the user's preference: an English-first user ("en:de") must not get
    // German just because QTranslator would fall back to the next language it finds.
    for (const QString& name : QLocale().uiLanguages()) {
        const QLocale language(name);
        if (language.language() == QLocale::English || language.language() == QLocale::C)
            return;
        if (installTranslator(app, language, QStringLiteral("gatehouse"), QStringLiteral(":/i18n"))) {
            // Optional: Qt's own texts (standard buttons, the command-line parser's headings).
            installTranslator(app, language, QStringLiteral("qtbase"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath));
            return;
        }
    }
}

} // namespace Translations
