#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace trellis::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Trellis"));
    setObjectName(QStringLiteral("MainWindow"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->setSpacing(16);

    auto *title = new QLabel(tr("Trellis"), central);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setObjectName(QStringLiteral("titleLabel"));

    auto *what = new QLabel(
        tr("A personal Matrix homeserver and an explorer for Matrix rooms: their event graphs "
           "and how state resolution decides them."),
        central);
    what->setWordWrap(true);
    what->setObjectName(QStringLiteral("descriptionLabel"));

    auto *status = new QLabel(
        tr("Your homeserver runs in the background (see the Server panel below); log into it "
           "with any Matrix client. trellis-cli works with room dumps: their DAG layout, state "
           "resolution and authorisation. The explorer's DAG and state-resolution views come "
           "next."),
        central);
    status->setWordWrap(true);
    status->setObjectName(QStringLiteral("statusLabel"));
    status->setForegroundRole(QPalette::PlaceholderText);

    layout->addWidget(title);
    layout->addWidget(what);
    layout->addWidget(status);
    layout->addStretch(1);
    setCentralWidget(central);

    createMenus();
    statusBar()->showMessage(tr("Server not running"));
    resize(760, 420);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Trellis"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Trellis"),
                       tr("<h3>Trellis %1</h3><p>A personal, federating Matrix homeserver and an "
                          "explorer for room event graphs and state resolution.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace trellis::ui
