#include "ui/MainWindow.h"
#include "core/crypto/KeyRing.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"

#include "ui/dag/DagExplorer.h"
#include "ui/dag/DagView.h"
#include "ui/rooms/RoomComposer.h"
#include "ui/rooms/RoomTimeline.h"

#include <QActionGroup>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {
/// Marks a DAG tab that shows a live room of the server: its room ID.
const char *const kLiveRoomProperty = "trellisLiveRoom";
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_tabs(new QTabWidget(this))
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
           "with any Matrix client, or use the Rooms panel: double-click a room to explore its "
           "event DAG live. Open a room dump (File > Open Room Dump…, or drop it here) to explore "
           "one someone sent you; select a merge event and press “Explain state resolution” to "
           "step through how its state was decided, or Ctrl+click several events to compare "
           "and resolve their states."),
        central);
    status->setWordWrap(true);
    status->setObjectName(QStringLiteral("statusLabel"));
    status->setForegroundRole(QPalette::PlaceholderText);

    layout->addWidget(title);
    layout->addWidget(what);
    layout->addWidget(status);
    layout->addStretch(1);
    // The introduction stays as the first tab; each opened room dump gets a closable one.
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(central, tr("Welcome"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0)
            delete m_tabs->widget(index);
    });
    setCentralWidget(m_tabs);
    setAcceptDrops(true);

    createMenus();
    statusBar()->showMessage(tr("Server not running"));
    resize(760, 420);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Room Dump…"), this, &MainWindow::chooseRoomDump);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    const auto addFlag = [settingsMenu](const QString &text, const settings::Flag &flag) {
        QAction *action = settingsMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(flag.value());
        connect(action, &QAction::toggled, settingsMenu, [flag](bool on) { flag.setValue(on); });
    };
    addFlag(tr("Start the Server with Trellis"), settings::startServerWithTrellis);
    addFlag(tr("Keep the Server Running When the Window Closes"), settings::keepRunningInTray);
    settingsMenu->addMenu(createAppearanceMenu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Trellis"), this, &MainWindow::showAbout);
}

QMenu *MainWindow::createAppearanceMenu()
{
    auto *menu = new QMenu(tr("&Appearance"), this);
    menu->setObjectName(QStringLiteral("appearanceMenu"));
    auto *group = new QActionGroup(menu);
    const appearance::Theme current = appearance::savedTheme();
    const std::pair<appearance::Theme, QString> choices[] = {
        {appearance::Theme::System, tr("Like the &System")},
        {appearance::Theme::Light, tr("&Light")},
        {appearance::Theme::Dark, tr("&Dark")},
    };
    for (const auto &[theme, text] : choices) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(theme == current);
        action->setData(appearance::themeName(theme));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [theme] {
            appearance::saveTheme(theme);
            appearance::applyTheme(theme);
        });
    }
    return menu;
}

void MainWindow::chooseRoomDump()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Room Dump"), QString(),
                                                      tr("Room dumps (*.json);;All files (*)"));
    if (!path.isEmpty())
        openRoomDump(path);
}

void MainWindow::openRoomDump(const QString &path)
{
    auto *explorer = new dag::DagExplorer(m_tabs);
    const int index = m_tabs->addTab(explorer, QFileInfo(path).fileName());
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    connect(explorer, &dag::DagExplorer::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    explorer->open(path);
}

void MainWindow::showLiveRoom(const QString &roomId, const QString &title, const QByteArray &dump, bool focus)
{
    QWidget *tab = nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property(kLiveRoomProperty).toString() == roomId)
            tab = m_tabs->widget(i);
    }
    if (!tab) {
        // The room as its members read it (the timeline) beside its event DAG.
        auto *splitter = new QSplitter(Qt::Horizontal, m_tabs);
        splitter->setProperty(kLiveRoomProperty, roomId);
        auto *reading = new QWidget(splitter);
        auto *timeline = new RoomTimeline(reading);
        timeline->setOwnUserId(m_ownUserId);
        auto *composer = new RoomComposer(reading);
        auto *readingLayout = new QVBoxLayout(reading);
        readingLayout->setContentsMargins(0, 0, 0, 0);
        readingLayout->addWidget(timeline, 1);
        readingLayout->addWidget(composer);
        connect(timeline, &RoomTimeline::replyRequested, composer, &RoomComposer::startReply);
        connect(timeline, &RoomTimeline::editRequested, composer, &RoomComposer::startEdit);
        connect(composer, &RoomComposer::contentReady, this,
                [this, roomId](const QByteArray &content) { Q_EMIT messageWritten(roomId, content); });
        auto *explorer = new dag::DagExplorer(splitter);
        explorer->setServerKeys(m_serverKeys);
        splitter->addWidget(reading);
        splitter->addWidget(explorer);
        splitter->setStretchFactor(1, 1);
        splitter->setSizes({320, 780});
        connect(explorer, &dag::DagExplorer::loaded, timeline, [timeline, explorer] {
            if (const auto snapshot = explorer->view()->snapshot())
                timeline->setEvents(snapshot->events);
        });
        connect(explorer, &dag::DagExplorer::failed, this,
                [this](const QString &message) { statusBar()->showMessage(message); });
        const int index = m_tabs->addTab(splitter, tr("%1 (live)").arg(title));
        m_tabs->setTabToolTip(index, roomId);
        tab = splitter;
    }
    if (focus) {
        m_tabs->setCurrentWidget(tab);
        // Opened to write in: the keyboard goes to the composer.
        tab->findChild<RoomComposer *>()->field()->setFocus();
    }
    tab->findChild<dag::DagExplorer *>()->openData(dump, title);
}

void MainWindow::setServerKeys(std::shared_ptr<const crypto::KeyRing> keys)
{
    m_serverKeys = std::move(keys);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!m_tabs->widget(i)->property(kLiveRoomProperty).toString().isEmpty())
            m_tabs->widget(i)->findChild<dag::DagExplorer *>()->setServerKeys(m_serverKeys);
    }
}

void MainWindow::setOwnUserId(const QString &userId)
{
    m_ownUserId = userId;
    for (RoomTimeline *timeline : m_tabs->findChildren<RoomTimeline *>())
        timeline->setOwnUserId(userId);
}

QStringList MainWindow::liveRooms() const
{
    QStringList rooms;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString room = m_tabs->widget(i)->property(kLiveRoomProperty).toString();
        if (!room.isEmpty())
            rooms.append(room);
    }
    return rooms;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(u".json", Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(u".json", Qt::CaseInsensitive))
            openRoomDump(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Trellis"),
                       tr("<h3>Trellis %1</h3><p>A personal, federating Matrix homeserver and an "
                          "explorer for room event graphs and state resolution.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace trellis::ui
