#pragma once

class QCoreApplication;

// Gatehouse speaks the user's language where a translation exists (German, French): the .qm
// files are embedded in both executables (translations/CMakeLists.txt), so a binary in the
// build tree and an installed one behave alike.
namespace Translations {

// Installs on `app` the translation for the first of the user's languages that Gatehouse has
// (QLocale(): the system's LANGUAGE, LC_ALL, LC_MESSAGES and LANG, unless a default was set),
// and Qt's own for the same language where Qt's translations are installed. English, the
// language of the sources, needs none. Call before any user-visible text is built: the
// command-line options' descriptions are translated when they are made.
void install(QCoreApplication& app);

} // namespace Translations
