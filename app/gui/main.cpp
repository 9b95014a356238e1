// trellis: the desktop application.
#include "app/gui/LiveRooms.h"
#include "app/gui/LogCapture.h"
#include "ui/rooms/RoomsPanel.h"
#include "app/gui/ServerController.h"
#include "app/gui/SingleInstance.h"
#include "core/server/ServerConfig.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication::setApplicationName(QStringLiteral("Trellis"));
    QApplication::setOrganizationName(QStringLiteral("Trellis"));
    QApplication::setApplicationVersion(QStringLiteral(TRELLIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.trellis_matrix.Trellis"));
    QApplication app(argc, argv);
    // From here on what the process logs also goes to the dashboard's log view (and still to
    // stderr); it outlives the window, so the server's last lines have somewhere to go.
    trellis::app::LogCapture logCapture;
    logCapture.install();
    // The app icon at every size rendered from resources/icons/ (cmake/TrellisPackaging.cmake);
    // the tray icon takes it too.
    QIcon appIcon;
    QDirIterator icons(QStringLiteral(":/icons"),
                       {QStringLiteral("org.trellis_matrix.Trellis.png")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (icons.hasNext())
        appIcon.addFile(icons.next());
    QApplication::setWindowIcon(appIcon);
    trellis::ui::appearance::applyTheme(trellis::ui::appearance::savedTheme());

    // The language follows the system; translations are built into the binary.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("trellis"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    // The homeserver runs on its own thread; the window shows it in a dock. TRELLIS_DATA_DIR
    // points a second instance (or a test) elsewhere than the standard location.
    const QString dataDirectory = qEnvironmentVariableIsSet("TRELLIS_DATA_DIR")
                                      ? qEnvironmentVariable("TRELLIS_DATA_DIR")
                                      : trellis::server::ServerConfig::defaultDataDirectory();
    // `trellis FILE...` opens room dumps in the DAG explorer: this window's, or the one
    // already running on the same data directory (one homeserver per database).
    QStringList files;
    for (const QString &argument : QApplication::arguments().mid(1)) {
        if (!argument.startsWith(u'-'))
            files.append(QFileInfo(argument).absoluteFilePath());
    }
    trellis::app::SingleInstance instance(dataDirectory);
    if (!instance.claim(files)) {
        if (instance.error().isEmpty())
            return 0; // the running Trellis shows itself and the files
        qCritical("trellis: %s", qPrintable(instance.error()));
        return 1;
    }
    if (!instance.error().isEmpty())
        qWarning("trellis: later starts cannot reach this window: %s", qPrintable(instance.error()));

    trellis::ui::MainWindow window;
    QObject::connect(&instance, &trellis::app::SingleInstance::activated, &window, [&window](const QStringList &opened) {
        window.showNormal();
        window.raise();
        window.activateWindow();
        for (const QString &file : opened)
            window.openRoomDump(file);
    });
    trellis::app::ServerController server(&window, dataDirectory);
    server.showLog(logCapture);
    trellis::app::LiveRooms rooms(&window, server.host());
    window.resize(1100, 760);
    window.show();
    // The explorer gets most of the height; the server's dock a strip (it can be dragged).
    if (auto *serverDock = window.findChild<QDockWidget *>(QStringLiteral("serverDock")))
        window.resizeDocks({serverDock}, {230}, Qt::Vertical);
    for (const QString &file : std::as_const(files))
        window.openRoomDump(file);
    if (trellis::ui::settings::startServerWithTrellis.value() || qEnvironmentVariableIsSet("TRELLIS_SCREENSHOT"))
        QMetaObject::invokeMethod(&server, &trellis::app::ServerController::start, Qt::QueuedConnection);
    // For the README's screenshots (packaging/screenshots.sh): grab the window once the
    // server had time to start, then stop.
    if (qEnvironmentVariableIsSet("TRELLIS_SCREENSHOT")) {
        // TRELLIS_SCREENSHOT_ROOM=N: open the live DAG of the Nth room of the list first.
        if (qEnvironmentVariableIsSet("TRELLIS_SCREENSHOT_ROOM")) {
            QTimer::singleShot(1000, &window, [&rooms] {
                rooms.panel()->openRow(qEnvironmentVariableIntValue("TRELLIS_SCREENSHOT_ROOM"));
            });
        }
        QTimer::singleShot(qEnvironmentVariableIntValue("TRELLIS_SCREENSHOT_DELAY_MS") > 0 ? qEnvironmentVariableIntValue("TRELLIS_SCREENSHOT_DELAY_MS") : 2500, &window, [&] {
            window.grab().save(qEnvironmentVariable("TRELLIS_SCREENSHOT"));
            server.quit();
        });
    }
    return QApplication::exec();
}
