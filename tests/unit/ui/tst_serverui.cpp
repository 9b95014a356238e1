// The server's dashboard and the first-run dialog, offscreen: what they show for the values
// the core sends, and which answers the first run accepts.
#include "ui/server/FirstRunDialog.h"
#include "ui/server/LogView.h"
#include "ui/server/ServerDashboard.h"

#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace trellis;
using namespace trellis::ui;

class TestServerUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dashboardShowsStatus();
    void requestLogIsBounded();
    void logBesideRequests();
    void devicesNewestFirst();
    void firstRunSelfSigned();
    void firstRunAnswers_data();
    void firstRunAnswers();
};

void TestServerUi::dashboardShowsStatus()
{
    ServerDashboard dashboard;
    QSignalSpy start(&dashboard, &ServerDashboard::startRequested);
    QSignalSpy stop(&dashboard, &ServerDashboard::stopRequested);
    auto *startButton = dashboard.findChild<QPushButton *>(QStringLiteral("startButton"));
    auto *stopButton = dashboard.findChild<QPushButton *>(QStringLiteral("stopButton"));
    QVERIFY(startButton->isEnabled() && !stopButton->isEnabled());
    startButton->click();
    QCOMPARE(start.size(), 1);

    api::ServerStatus status;
    status.serverName = QStringLiteral("example.org");
    status.userId = QStringLiteral("@me:example.org");
    status.listening = {QStringLiteral("127.0.0.1:8008"), QStringLiteral("[::1]:8008")};
    status.signingKeyId = QStringLiteral("ed25519:a_b");
    dashboard.showStarted(status);
    QCOMPARE(dashboard.findChild<QLabel *>(QStringLiteral("serverNameLabel"))->text(), QStringLiteral("example.org"));
    QCOMPARE(dashboard.findChild<QLabel *>(QStringLiteral("listeningLabel"))->text(), QStringLiteral("127.0.0.1:8008, [::1]:8008"));
    QVERIFY(!startButton->isEnabled() && stopButton->isEnabled());
    auto *certificate = dashboard.findChild<QLabel *>(QStringLiteral("certificateLabel"));
    QCOMPARE(certificate->text(), QStringLiteral("—")); // plain HTTP
    status.tls = true;
    status.certificate = {QStringLiteral("example.org"), QStringLiteral("example.org"), true,
                          QDateTime::currentMSecsSinceEpoch() + 86'400'000, QStringLiteral("AB:CD")};
    dashboard.showStarted(status);
    QVERIFY(certificate->text().startsWith(QStringLiteral("example.org, issued by itself (self-signed")));
    QVERIFY(!certificate->text().contains(QStringLiteral("expired")));
    QVERIFY(certificate->toolTip().contains(QStringLiteral("AB:CD")));
    status.certificate = {QStringLiteral("example.org"), QStringLiteral("Some CA"), false, 1000, QStringLiteral("EF")};
    dashboard.showStarted(status);
    QVERIFY(certificate->text().contains(QStringLiteral("issued by Some CA")));
    QVERIFY(certificate->text().contains(QStringLiteral("expired")));
    auto *connections = dashboard.findChild<QLabel *>(QStringLiteral("connectionsLabel"));
    QCOMPARE(connections->text(), QStringLiteral("0 open"));
    dashboard.showConnections(3);
    QCOMPARE(connections->text(), QStringLiteral("3 open"));
    stopButton->click();
    QCOMPARE(stop.size(), 1);
    dashboard.showFailed(QStringLiteral("port in use"));
    QVERIFY(dashboard.findChild<QLabel *>(QStringLiteral("stateLabel"))->text().contains(QStringLiteral("port in use")));
    QVERIFY(startButton->isEnabled());
    QVERIFY(!dashboard.grab().isNull());
}

void TestServerUi::requestLogIsBounded()
{
    ServerDashboard dashboard;
    for (int i = 0; i < ServerDashboard::kLogRows + 50; ++i)
        dashboard.logRequest({"GET", "/_matrix/client/v3/sync", 200, 1500, 1700000000000 + i});
    QCOMPARE(dashboard.loggedRequests(), ServerDashboard::kLogRows);
}

void TestServerUi::logBesideRequests()
{
    ServerDashboard dashboard;
    auto *tabs = dashboard.findChild<QTabWidget *>(QStringLiteral("activityTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->widget(0)->objectName(), QStringLiteral("requestLog"));
    auto *log = qobject_cast<LogView *>(tabs->widget(1));
    QVERIFY(log);
    QCOMPARE(tabs->currentIndex(), 0);

    dashboard.appendLog({{1700000000000, api::LogLevel::Info, QStringLiteral("trellis.server"), QStringLiteral("up")}});
    QCOMPARE(log->lineCount(), 1);
    QVERIFY(tabs->tabIcon(1).isNull()); // nothing to look at
    // A warning while the requests are shown marks the log's tab until it is opened.
    dashboard.appendLog({{1700000000001, api::LogLevel::Warning, QStringLiteral("trellis.keys"), QStringLiteral("slow")}});
    QVERIFY(!tabs->tabIcon(1).isNull());
    tabs->setCurrentIndex(1);
    QVERIFY(tabs->tabIcon(1).isNull());
    dashboard.appendLog({{1700000000002, api::LogLevel::Critical, QStringLiteral("trellis.storage"), QStringLiteral("gone")}});
    QVERIFY(tabs->tabIcon(1).isNull()); // seen as it arrives
    QCOMPARE(log->shownLineCount(), 3);
}

void TestServerUi::firstRunAnswers_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("repeat");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("good") << "example.org" << "alice" << "long enough" << "long enough" << "" << true;
    QTest::newRow("bad server") << "exa mple" << "alice" << "long enough" << "long enough" << "" << false;
    QTest::newRow("bad user") << "example.org" << "al ice" << "long enough" << "long enough" << "" << false;
    QTest::newRow("short password") << "example.org" << "alice" << "short" << "short" << "" << false;
    QTest::newRow("passwords differ") << "example.org" << "alice" << "long enough" << "long enougH" << "" << false;
    QTest::newRow("certificate without key") << "example.org" << "alice" << "long enough" << "long enough" << "/c.pem" << false;
}

void TestServerUi::firstRunAnswers()
{
    QFETCH(QString, server);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, repeat);
    QFETCH(QString, certificate);
    QFETCH(bool, acceptable);
    FirstRunDialog dialog;
    dialog.findChild<QLineEdit *>(QStringLiteral("serverNameEdit"))->setText(server);
    dialog.findChild<QLineEdit *>(QStringLiteral("userNameEdit"))->setText(user);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatEdit"))->setText(repeat);
    if (!certificate.isEmpty()) {
        const auto edits = dialog.findChildren<QLineEdit *>();
        for (QLineEdit *edit : edits) {
            if (edit->objectName().isEmpty()) { // the first unnamed field is the certificate
                edit->setText(certificate);
                break;
            }
        }
    }
    QCOMPARE(dialog.problem().isEmpty(), acceptable);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("problemLabel"))->text().isEmpty(), acceptable);
}

void TestServerUi::devicesNewestFirst()
{
    ServerDashboard dashboard;
    auto *view = dashboard.findChild<QTableView *>(QStringLiteral("devices"));
    QVERIFY(view);
    dashboard.setDevices({{QStringLiteral("OLD"), QStringLiteral("nheko"), 1'000, QStringLiteral("127.0.0.1")},
                          {QStringLiteral("NEW"), QStringLiteral("Element"), 2'000'000, QStringLiteral("::1")},
                          {QStringLiteral("FRESH"), {}, 0, {}}});
    QCOMPARE(dashboard.deviceCount(), 3);
    const QAbstractItemModel *model = view->model();
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("NEW"));
    QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("Element"));
    QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("::1"));
    QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("FRESH"));
    QCOMPARE(model->index(2, 2).data().toString(), QStringLiteral("not since login"));
    dashboard.setDevices({});
    QCOMPARE(dashboard.deviceCount(), 0);
}

void TestServerUi::firstRunSelfSigned()
{
    FirstRunDialog dialog;
    dialog.findChild<QLineEdit *>(QStringLiteral("userNameEdit"))->setText(QStringLiteral("alice"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("long enough"));
    dialog.findChild<QLineEdit *>(QStringLiteral("repeatEdit"))->setText(QStringLiteral("long enough"));
    QLineEdit *certificate = nullptr;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (edit->objectName().isEmpty() && !certificate)
            certificate = edit;
    }
    certificate->setText(QStringLiteral("/etc/cert.pem")); // a certificate without its key
    QVERIFY(!dialog.problem().isEmpty());
    auto *selfSigned = dialog.findChild<QCheckBox *>(QStringLiteral("selfSignedCheck"));
    QVERIFY(selfSigned);
    selfSigned->setChecked(true); // the files no longer matter
    QVERIFY(dialog.selfSigned());
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(!certificate->parentWidget()->isEnabled());
}

QTEST_MAIN(TestServerUi)
#include "tst_serverui.moc"
