// trellis: the desktop application.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication::setApplicationName(QStringLiteral("Trellis"));
    QApplication::setOrganizationName(QStringLiteral("Trellis"));
    QApplication::setApplicationVersion(QStringLiteral(TRELLIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.trellis.Trellis"));
    QApplication app(argc, argv);

    // The language follows the system; translations are built into the binary.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("trellis"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    trellis::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
