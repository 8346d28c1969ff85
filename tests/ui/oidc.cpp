// The OpenID Connect page: the settings as configured (never the client secret), the
// provider's state and a fresh discovery on demand, the accounts linked to the provider.
// The provider is the real one of tests/integration/oidc_login.cpp (OidcProviderProcess);
// the server's MockClock runs at the real time, because the provider signs with it.

#include "support/eventloopprobe.h"
#include "support/panelfixture.h"

#include "tests/testsupport/managerclient.h"
#include "tests/testsupport/oidcprovider.h"
#include "tests/testsupport/testhelpers.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

namespace {

const QString RedirectUri = OidcTestData::redirectUri();

using OidcTestData::alice;

// Every text a widget of `root` shows: labels, buttons, tool tips, the cells of its tables.
QStringList textsOf(const QWidget* root)
{
    QStringList texts;
    for (const QWidget* widget : root->findChildren<QWidget*>()) {
        texts.append(widget->toolTip());
        if (const auto* label = qobject_cast<const QLabel*>(widget))
            texts.append(label->text());
        if (const auto* button = qobject_cast<const QPushButton*>(widget))
            texts.append(button->text());
        const auto* view = qobject_cast<const QAbstractItemView*>(widget);
        const QAbstractItemModel* model = view ? view->model() : nullptr;
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts.append(model->index(row, column).data().toString());
        }
    }
    return texts;
}

} // namespace

class OidcPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void offSaysHowToTurnItOn();
    void showsTheSettingsButNeverTheSecret();
    void listsTheAccountsLinkedByALogin();
    void providerDownShowsTheError();
    void silentProviderKeepsThePanelResponsive();

private:
    // Starts the panel with OpenID Connect pointed at `issuer`.
    void startPanel(const QString& issuer);
    // Starts the provider (alice known) and the panel configured for it.
    void startBoth();
    QLabel* label(const QString& objectName) const { return m_panel->find<QLabel>(objectName); }
    QPushButton* testButton() const { return m_panel->find<QPushButton>(QStringLiteral("oidcTestDiscovery")); }

    OidcProviderProcess m_provider;
    std::unique_ptr<PanelFixture> m_panel;
};

void OidcPanelTest::cleanup()
{
    m_panel.reset();
    m_provider.stop();
}

void OidcPanelTest::startPanel(const QString& issuer)
{
    const OidcProviderProcess::Options options;
    m_panel = std::make_unique<PanelFixture>([&](Config& config) {
        config.oidc.issuer = issuer;
        config.oidc.clientId = options.clientId;
        config.oidc.clientSecret = options.clientSecret.toUtf8();
        config.oidc.redirectUri = RedirectUri;
    });
    m_panel->server.clock().setNowMs(QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
    m_panel->showPage(QStringLiteral("oidcPage"));
}

void OidcPanelTest::startBoth()
{
    const QString missing = OidcProviderProcess::unavailableReason();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    OidcProviderProcess::Options options;
    options.redirectUris = {RedirectUri};
    options.accounts.append(alice());
    QVERIFY2(m_provider.start(options), qPrintable(m_provider.startError()));
    startPanel(m_provider.issuer());
}

void OidcPanelTest::offSaysHowToTurnItOn()
{
    m_panel = std::make_unique<PanelFixture>();
    QVERIFY2(m_panel->start(), qPrintable(m_panel->startError()));
    m_panel->showPage(QStringLiteral("oidcPage"));
    QLabel* off = label(QStringLiteral("oidcOff"));
    QVERIFY(off);
    QTRY_VERIFY(off->isVisible());
    QVERIFY(off->text().contains(QStringLiteral("oidc_issuer")));
    QVERIFY(off->text().contains(QStringLiteral("docs/OIDC.md")));
    QVERIFY(!label(QStringLiteral("oidcIssuer"))->isVisible());
    QVERIFY(!testButton()->isVisible());
    QCOMPARE(m_panel->find<QTableView>(QStringLiteral("oidcLinksTable"))->model()->rowCount(), 0);
}

void OidcPanelTest::showsTheSettingsButNeverTheSecret()
{
    startBoth();
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(label(QStringLiteral("oidcIssuer"))->text(), m_provider.issuer());
    QVERIFY(!label(QStringLiteral("oidcOff"))->isVisible());
    QCOMPARE(label(QStringLiteral("oidcEnabled"))->text(), QStringLiteral("On"));
    QCOMPARE(label(QStringLiteral("oidcClientId"))->text(), QStringLiteral("gatehouse"));
    QCOMPARE(label(QStringLiteral("oidcClientSecret"))->text(), QStringLiteral("set"));
    QCOMPARE(label(QStringLiteral("oidcRedirectUri"))->text(), RedirectUri);
    QCOMPARE(label(QStringLiteral("oidcScopes"))->text(), QStringLiteral("openid profile email"));
    QCOMPARE(label(QStringLiteral("oidcDefaultRole"))->text(), QStringLiteral("viewer"));
    QCOMPARE(label(QStringLiteral("oidcEmailLinking"))->text(), QStringLiteral("off"));

    QTest::mouseClick(testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(testButton()->isEnabled(), 30'000);
    QCOMPARE(label(QStringLiteral("oidcDiscovery"))->text(), QStringLiteral("loaded"));
    QCOMPARE(label(QStringLiteral("oidcKeys"))->text(), QStringLiteral("1"));
    QCOMPARE(label(QStringLiteral("oidcLastError"))->text(), QStringLiteral("none"));
    QVERIFY2(label(QStringLiteral("oidcTestResult"))->text().contains(QStringLiteral("loaded")),
             qPrintable(label(QStringLiteral("oidcTestResult"))->text()));

    const QString secret = m_provider.options().clientSecret;
    const QStringList texts = textsOf(m_panel->window.get());
    for (const QString& text : texts) {
        QVERIFY2(!text.contains(secret), qPrintable(text));
        QVERIFY2(!text.contains(secret.left(12)), qPrintable(text));
    }
}

void OidcPanelTest::listsTheAccountsLinkedByALogin()
{
    startBoth();
    if (QTest::currentTestFailed())
        return;
    auto* table = m_panel->find<QTableView>(QStringLiteral("oidcLinksTable"));
    QTRY_VERIFY(label(QStringLiteral("oidcIssuer"))->isVisible());
    QCOMPARE(table->model()->rowCount(), 0);

    // The browser's part as oidc_login does it, while the page is open: it follows the change.
    ManagerClient manager(m_panel->http, m_panel->server);
    const HttpResponse start = manager.openid();
    EXPECT_STATUS(start, 200);
    const auto login = OidcProviderProcess::login(QUrl(start.object().value(QStringLiteral("authUrl")).toString()),
                                                  alice().sub, alice().password);
    QVERIFY2(login.ok(), qPrintable(login.error));
    EXPECT_STATUS(manager.openidCallback(login.callbackUrl.query(QUrl::FullyEncoded)), 200);

    QTRY_COMPARE(table->model()->rowCount(), 1);
    const QAbstractItemModel* model = table->model();
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("alice"));
    QCOMPARE(model->index(0, 1).data().toString(), m_provider.issuer());
    QCOMPARE(model->index(0, 2).data().toString(), alice().sub);
    QVERIFY(!model->index(0, 3).data().toString().isEmpty());

    // Shown again later, from the database.
    m_panel->showPage(QStringLiteral("overviewPage"));
    m_panel->showPage(QStringLiteral("oidcPage"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QTRY_COMPARE(label(QStringLiteral("oidcKeys"))->text(), QStringLiteral("1")); // the login fetched them
}

void OidcPanelTest::providerDownShowsTheError()
{
    startBoth();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(testButton()->isVisible());
    QVERIFY(m_provider.stop());

    EventLoopProbe probe;
    probe.start();
    QTest::mouseClick(testButton(), Qt::LeftButton);
    QVERIFY(!testButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(testButton()->isEnabled(), 30'000);
    probe.stop();
    QCOMPARE(testButton()->text(), QStringLiteral("Test discovery"));
    QVERIFY2(label(QStringLiteral("oidcTestResult"))->text().startsWith(QStringLiteral("Failed: ")),
             qPrintable(label(QStringLiteral("oidcTestResult"))->text()));
    QCOMPARE(label(QStringLiteral("oidcDiscovery"))->text(), QStringLiteral("not loaded"));
    QCOMPARE(label(QStringLiteral("oidcKeys"))->text(), QStringLiteral("0"));
    QVERIFY(label(QStringLiteral("oidcLastError"))->text().startsWith(QStringLiteral("discovery: ")));
    QVERIFY2(probe.maxGapMs() < 500, qPrintable(QString::number(probe.maxGapMsExact())));
}

// A provider that accepts connections and never answers: the test waits its 10 s in the
// server thread while the button shows it is busy and the GUI thread keeps answering.
void OidcPanelTest::silentProviderKeepsThePanelResponsive()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    silent.pauseAccepting(); // the kernel completes the handshakes; nobody reads
    startPanel(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(testButton()->isVisible());

    EventLoopProbe probe;
    probe.start();
    QTest::mouseClick(testButton(), Qt::LeftButton);
    QVERIFY(!testButton()->isEnabled());
    QCOMPARE(testButton()->text(), QStringLiteral("Testing…"));
    QTest::qWait(1000);
    QVERIFY(!testButton()->isEnabled()); // still waiting for the provider
    QTRY_VERIFY_WITH_TIMEOUT(testButton()->isEnabled(), 30'000);
    probe.stop();
    QVERIFY2(label(QStringLiteral("oidcTestResult"))->text().contains(QStringLiteral("no answer within 10 s")),
             qPrintable(label(QStringLiteral("oidcTestResult"))->text()));
    QVERIFY2(probe.maxGapMs() < 500, qPrintable(QString::number(probe.maxGapMsExact())));
}

QTEST_MAIN(OidcPanelTest)
#include "oidc.moc"
