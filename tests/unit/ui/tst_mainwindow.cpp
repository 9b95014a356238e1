// Smoke test of the main window under the offscreen platform: it opens, says what Trellis
// is, and renders. With TRELLIS_SCREENSHOT_DIR set, the rendering is saved there.
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace trellis;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAndSaysWhatItIs();
    void renders();
    void germanTranslationIsComplete();
    void settingsMenuKeepsItsChoices();
};

void TestMainWindow::opensAndSaysWhatItIs()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Trellis"));
    auto *description = window.findChild<QLabel *>(QStringLiteral("descriptionLabel"));
    QVERIFY(description);
    QVERIFY(description->text().contains(QStringLiteral("Matrix homeserver")));
    QCOMPARE(window.menuBar()->actions().size(), 3); // File, Settings, Help
}

void TestMainWindow::renders()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QImage image = window.grab().toImage();
    QVERIFY(image.width() >= 600 && image.height() >= 300);
    // Text was drawn: the image is not a single colour.
    const QRgb first = image.pixel(0, 0);
    int different = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            different += image.pixel(x, y) != first;
    QVERIFY(different > 100);
    const QByteArray dir = qgetenv("TRELLIS_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("main-window.png"))));
}

void TestMainWindow::germanTranslationIsComplete()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/trellis_de.qm")));
    QCoreApplication::installTranslator(&german);
    {
        ui::MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        auto *description = window.findChild<QLabel *>(QStringLiteral("descriptionLabel"));
        QVERIFY(description->text().startsWith(QStringLiteral("Ein persönlicher Matrix-Homeserver")));
    }
    QCoreApplication::removeTranslator(&german);
}

void TestMainWindow::settingsMenuKeepsItsChoices()
{
    // A throwaway settings file, not the user's.
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TrellisTest"));
    QVERIFY(ui::settings::keepRunningInTray.value()); // the default
    ui::MainWindow window;
    QMenu *menu = nullptr;
    for (QAction *action : window.menuBar()->actions()) {
        if (action->text() == QStringLiteral("&Settings"))
            menu = action->menu();
    }
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 3); // two choices and the Appearance menu
    QAction *tray = menu->actions().at(1);
    QVERIFY(tray->isCheckable() && tray->isChecked());
    tray->trigger();
    QVERIFY(!ui::settings::keepRunningInTray.value());
    ui::MainWindow again; // a new window shows the stored choice
    QMenu *againMenu = again.menuBar()->actions().at(1)->menu();
    QVERIFY(!againMenu->actions().at(1)->isChecked());
    QVERIFY(againMenu->actions().at(0)->isChecked());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
