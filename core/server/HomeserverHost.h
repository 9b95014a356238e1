#pragma once
#include "core/base/Error.h"
#include "core/api/RoomSnapshots.h"
#include "core/server/HomeserverOptions.h"

#include <QObject>
#include <QThread>
#include <functional>

namespace trellis::server {

class Homeserver;

/// Runs a Homeserver on its own core thread (worker-object pattern) for the GUI and for
/// `trellis-cli serve`: loads the signing key on the host's thread (keychain jobs live
/// there), then starts the server on the core thread and relays what it reports. Talks to
/// the server only through queued signals.
class HomeserverHost : public QObject
{
    Q_OBJECT
public:
    explicit HomeserverHost(QObject *parent = nullptr);
    ~HomeserverHost() override;

    /// Whether to try the OS keychain for the signing key (off: the key file only).
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }
    /// The image decoder for media thumbnails (the core has none; without it, thumbnail
    /// requests answer "cannot thumbnail").
    void setThumbnailRenderer(services::ThumbnailRenderer renderer) { m_thumbnails = std::move(renderer); }
    /// Starts the server; ends with started() or failed().
    void start(const ServerConfig &config, std::optional<InitialAccount> initialAccount = {});
    /// Stops the server and its thread; ends with stopped(). Safe to call when not running.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

    // The owner's rooms (Homeserver's room actions), queued to the core thread; answered by
    // the signals below. Ignored while no server runs.
    void listRooms();
    void dumpRoom(const QString &roomId);
    void sendMessage(const QString &roomId, const QByteArray &content);
    void createRoom(const trellis::api::NewRoom &room);
    void joinRoom(const QString &roomIdOrAlias);
    void leaveRoom(const QString &roomId);
    void setRoomState(const QString &roomId, const QString &type, const QByteArray &content);
    void listDevices();

Q_SIGNALS:
    void started(const trellis::api::ServerStatus &status);
    void failed(const trellis::Error &error);
    void stopped();
    void requestsServed(const QList<trellis::api::RequestLogEntry> &entries);
    void connectionsChanged(int open);
    void roomsListed(const QList<trellis::api::RoomListEntry> &rooms);
    void devicesListed(const QList<trellis::api::DeviceEntry> &devices);
    void roomDumped(const QString &roomId, const QByteArray &dump);
    void roomChanged(const QString &roomId);
    void roomJoined(const QString &requested, const QString &roomId);
    void roomActionFailed(const QString &action, const trellis::Error &error);
    /// Internal: asks the core thread to stop the server.
    void stopRequested();

private:
    void launch(HomeserverOptions options);
    /// Runs `call` on the core thread with the server, if one runs.
    void callServer(std::function<void(Homeserver &)> call);

    QThread m_thread;
    Homeserver *m_server = nullptr;
    bool m_keychainEnabled = true;
    services::ThumbnailRenderer m_thumbnails;
};

} // namespace trellis::server
