// The panel in the user's language: tests/CMakeLists.txt runs this test with
// LANG=de_DE.UTF-8, and the translation comes in as the application installs it
// (Translations::install, from the .qm files embedded at build time).

#include "support/panelfixture.h"

#include "translations/translations.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

class LanguageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void panelSpeaksGerman();
};

void LanguageTest::initTestCase()
{
    QCOMPARE(QLocale().language(), QLocale::German); // from the environment, as a user's would be
    Translations::install(*QCoreApplication::instance());
}

void LanguageTest::panelSpeaksGerman()
{
    PanelFixture panel;
    QVERIFY2(panel.start(), qPrintable(panel.startError()));

    QCOMPARE(panel.window->windowTitle(), QStringLiteral("Gatehouse " GATEHOUSE_VERSION " — Bedienoberfläche"));
    auto* navigation = panel.find<QListWidget>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Übersicht"));
    QCOMPARE(navigation->item(1)->text(), QStringLiteral("Passwort und Konten"));
    QCOMPARE(panel.find<QPushButton>(QStringLiteral("firstRunSetPassword"))->text(),
             QStringLiteral("Passwort festlegen …"));
    // Text the panel builds from the server's state as it arrives.
    QTRY_COMPARE(panel.find<QLabel>(QStringLiteral("overviewState"))->text(),
                 QStringLiteral("In Betrieb — NICHT durch ein Passwort geschützt"));
}

QTEST_MAIN(LanguageTest)
#include "language.moc"
