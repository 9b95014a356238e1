#include "app/gui/LiveRooms.h"

#include "core/crypto/KeyRing.h"
#include "ui/MainWindow.h"
#include "ui/rooms/RoomsPanel.h"

#include <QDockWidget>

namespace trellis::app {

namespace {
constexpr int kRefreshDelayMs = 300;
}

LiveRooms::LiveRooms(ui::MainWindow *window, server::HomeserverHost &host, QObject *parent)
    : QObject(parent), m_window(window), m_host(host), m_panel(new ui::RoomsPanel)
{
    auto *dock = new QDockWidget(tr("Rooms"), window);
    dock->setObjectName(QStringLiteral("roomsDock"));
    dock->setWidget(m_panel);
    window->addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_panel->setServerRunning(m_host.isRunning()); // started() says when it does

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &LiveRooms::refreshChanged);

    connect(&host, &server::HomeserverHost::started, this, [this](const api::ServerStatus &status) {
        m_panel->setServerRunning(true);
        m_window->setOwnUserId(status.userId);
        m_panel->setDefaultRoomVersion(status.defaultRoomVersion);
        // The server's own key checks the signatures of its events in live rooms.
        auto keys = std::make_shared<crypto::StaticKeyRing>();
        if (auto key = crypto::VerifyKey::fromBytes(status.signingKeyId, status.signingPublicKey))
            keys->add(status.serverName, *key);
        m_window->setServerKeys(std::move(keys));
        m_host.listRooms();
    });
    connect(window, &ui::MainWindow::messageWritten, &host, &server::HomeserverHost::sendMessage);
    connect(&host, &server::HomeserverHost::stopped, this, [this] {
        m_panel->setServerRunning(false);
        m_panel->setRooms({});
    });
    connect(&host, &server::HomeserverHost::roomsListed, m_panel, &ui::RoomsPanel::setRooms);
    connect(&host, &server::HomeserverHost::roomChanged, this, [this](const QString &room) {
        m_changed.insert(room);
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(&host, &server::HomeserverHost::roomDumped, this, [this](const QString &room, const QByteArray &dump) {
        const bool focus = room == m_opening;
        if (focus)
            m_opening.clear();
        m_window->showLiveRoom(room, m_titles.value(room, room), dump, focus);
    });
    connect(&host, &server::HomeserverHost::roomActionFailed, this, [this](const QString &action, const Error &error) {
        m_panel->showError(failureText(action).arg(error.message));
    });

    connect(m_panel, &ui::RoomsPanel::openRequested, this, [this](const QString &room, const QString &title) {
        m_titles.insert(room, title);
        m_opening = room;
        m_host.dumpRoom(room);
    });
    connect(m_panel, &ui::RoomsPanel::joinRequested, &host, &server::HomeserverHost::joinRoom);
    connect(&host, &server::HomeserverHost::roomJoined, m_panel, &ui::RoomsPanel::joinSucceeded);
    connect(m_panel, &ui::RoomsPanel::createRequested, &host, &server::HomeserverHost::createRoom);
    connect(m_panel, &ui::RoomsPanel::leaveRequested, &host, &server::HomeserverHost::leaveRoom);
    connect(m_panel, &ui::RoomsPanel::stateChangeRequested, &host, &server::HomeserverHost::setRoomState);
}

QString LiveRooms::failureText(const QString &action)
{
    // Whole sentences per action (Homeserver's names for them), so that translations read well.
    if (action == QLatin1String("send"))
        return tr("Could not send the message: %1");
    if (action == QLatin1String("create room"))
        return tr("Could not create the room: %1");
    if (action == QLatin1String("join"))
        return tr("Could not join the room: %1");
    if (action == QLatin1String("change settings"))
        return tr("Could not change the room's settings: %1");
    if (action == QLatin1String("list devices"))
        return tr("Could not list the logins: %1");
    if (action == QLatin1String("leave"))
        return tr("Could not leave the room: %1");
    if (action == QLatin1String("open room"))
        return tr("Could not open the room: %1");
    return tr("Could not list the rooms: %1");
}

void LiveRooms::refreshChanged()
{
    const QSet<QString> changed = std::exchange(m_changed, {});
    m_host.listRooms();
    const QStringList open = m_window->liveRooms();
    for (const QString &room : changed) {
        if (open.contains(room))
            m_host.dumpRoom(room);
    }
}

} // namespace trellis::app
