// `make screenshots`: the control panel over a scripted data set, one PNG per page (and the
// first-run state and the new-token dialog) into the directory given, docs/screenshots by
// default, and the Overview in German and French into its de/ and fr/. Runs under Xvfb
// (xvfb-run) or any display; not a test.

#include "scripteddata.h"
#include "support/panelfixture.h"

#include "translations/translations.h"
#include "ui/mainwindow.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QStyleFactory>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

const QList<std::pair<const char*, const char*>> Pages = {
    {"overviewPage", "overview"}, {"accountsPage", "accounts"},   {"tokensPage", "tokens"},
    {"sessionsPage", "sessions"}, {"rateLimitPage", "ratelimit"}, {"liveLogPage", "livelog"},
};

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(QWidget* widget, const QDir& dir, const char* name)
{
    const QString path = dir.filePath(QLatin1String(name) + QStringLiteral(".png"));
    const bool saved = widget->grab().save(path);
    std::printf("%s %s\n", saved ? "wrote" : "FAILED", qPrintable(path));
    return saved;
}

void selectFirstRow(PanelFixture& panel, const char* viewName)
{
    if (auto* view = panel.find<QAbstractItemView>(QLatin1String(viewName)); view && view->model()->rowCount() > 0)
        view->setCurrentIndex(view->model()->index(0, 0));
}

// The new-token dialog as an operator sees it right after creating a token.
bool saveSecretDialog(PanelFixture& panel, const QDir& dir)
{
    panel.showPage(QStringLiteral("tokensPage"));
    QTest::mouseClick(panel.find<QPushButton>(QStringLiteral("createToken")), Qt::LeftButton);
    settle(300);
    auto* name = panel.find<QLineEdit>(QStringLiteral("tokenName"));
    auto* read = panel.find<QCheckBox>(QStringLiteral("permission_sessions_read"));
    if (!name || !read)
        return false;
    QTest::keyClicks(name, QStringLiteral("dashboard"));
    read->setChecked(true);
    QTest::mouseClick(panel.find<QPushButton>(QStringLiteral("tokenDialogOk")), Qt::LeftButton);
    settle(500);
    QWidget* secret = panel.find<QWidget>(QStringLiteral("secretDialog"));
    const bool saved = secret && save(secret, dir, "token-secret");
    if (secret)
        QTest::mouseClick(panel.find<QPushButton>(QStringLiteral("secretDone")), Qt::LeftButton);
    settle(200);
    return saved;
}

// The Overview again, in `language` ("de", "fr"), as <dir>/<language>/overview.png: the panel
// rebuilt under the translation the application installs for a user of that language.
bool saveTranslatedOverview(PanelFixture& panel, const QDir& dir, const QString& language)
{
    QLocale::setDefault(QLocale(language));
    Translations::install(*QCoreApplication::instance());
    panel.closePanel();
    bool saved = panel.openPanel();
    if (saved) {
        panel.window->resize(1180, 760);
        panel.showPage(QStringLiteral("overviewPage"));
        settle(1500);
        saved = dir.mkpath(language) && save(panel.window.get(), QDir(dir.filePath(language)), "overview");
    }
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::system());
    return saved;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QDir dir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots"));
    if (!QDir().mkpath(dir.path()))
        return 1;

    PanelFixture panel([](Config& config) {
        config.listenAddress = QHostAddress::Any; // the Overview lists this machine's addresses
        config.trustedProxies.append(QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32")));
    });
    panel.server.clock().setNowMs(QDateTime::currentMSecsSinceEpoch() - 57 * 60'000);
    QString error;
    if (!panel.startServer() || !panel.openPanel()) {
        std::fprintf(stderr, "screenshots: could not start: %s\n", qPrintable(panel.startError()));
        return 1;
    }
    panel.window->resize(1180, 760);
    settle(800);
    bool ok = save(panel.window.get(), dir, "first-run");
    if (!ScriptedData::populate(panel, &error)) {
        std::fprintf(stderr, "screenshots: %s\n", qPrintable(error));
        return 1;
    }
    settle(1500);
    for (const auto& [page, file] : Pages) {
        panel.showPage(QLatin1String(page));
        settle(500);
        selectFirstRow(panel, "sessionsView");
        selectFirstRow(panel, "lockoutsTable");
        settle(300);
        ok = save(panel.window.get(), dir, file) && ok;
    }
    ok = saveSecretDialog(panel, dir) && ok;
    for (const QString& language : {QStringLiteral("de"), QStringLiteral("fr")})
        ok = saveTranslatedOverview(panel, dir, language) && ok;
    panel.closePanel();
    return ok ? 0 : 1;
}
