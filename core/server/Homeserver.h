#pragma once
#include "core/base/Error.h"
#include "core/api/RoomSnapshots.h"
#include "core/base/RoomId.h"
#include "core/server/HomeserverOptions.h"
#include "core/services/Session.h"

#include <QObject>
#include <memory>
#include <optional>
#include <utility>

namespace trellis::server {

/// The personal homeserver: the composition root that lives on the core thread (ARCHITECTURE
/// "Threading"). It opens the database, makes the stores and services, registers the
/// Client-Server API and listens; it owns all of them, and stops them in reverse order on its
/// own thread. Talk to it through queued signals only.
class Homeserver : public QObject
{
    Q_OBJECT
public:
    explicit Homeserver(HomeserverOptions options, QObject *parent = nullptr);
    ~Homeserver() override;

public Q_SLOTS:
    /// Ends with started() or failed().
    void start();
    /// Stops listening, drops waiting requests, closes the database; ends with stopped().
    void stop();

    // The owner's rooms, for the GUI (core/server/HomeserverRooms.cpp); each answers with a
    // signal below, or roomActionFailed().
    /// Ends with roomsListed().
    void listRooms();
    /// Ends with roomDumped(): every event of the room, as canonical JSON (a room dump).
    void dumpRoom(const QString &roomId);
    /// An m.room.message from the owner (the desktop's own device) with this content (JSON: a
    /// text, a reply, an edit …), checked like a client's.
    void sendMessage(const QString &roomId, const QByteArray &content);
    /// A new private room of the default version, named `name`; ends with roomChanged().
    void createRoom(const trellis::api::NewRoom &room);
    /// Joins by room ID or alias (local rooms until federation); also accepts an invite.
    void joinRoom(const QString &roomIdOrAlias);
    /// Leaves the room; also rejects an invite.
    void leaveRoom(const QString &roomId);
    /// Ends with devicesListed(): the owner's logins.
    void listDevices();
    /// Sends a state event with an empty state key (room settings: name, topic, join rules);
    /// `content` is its JSON object, checked like a client's.
    void setRoomState(const QString &roomId, const QString &type, const QByteArray &content);

Q_SIGNALS:
    void started(const trellis::api::ServerStatus &status);
    void failed(const trellis::Error &error);
    void stopped();
    /// The requests answered lately, a batch at most four times a second (a busy server must
    /// not flood its host's thread with one signal per request).
    void requestsServed(const QList<trellis::api::RequestLogEntry> &entries);
    /// How many client connections are open, when that changed (checked with the request log).
    void connectionsChanged(int open);
    void roomsListed(const QList<trellis::api::RoomListEntry> &rooms);
    void devicesListed(const QList<trellis::api::DeviceEntry> &devices);
    void roomDumped(const QString &roomId, const QByteArray &dump);
    /// A room's DAG or state changed, whoever changed it (a client, the GUI).
    void roomChanged(const QString &roomId);
    /// joinRoom(`requested`) succeeded: the owner is in `roomId` now.
    void roomJoined(const QString &requested, const QString &roomId);
    /// `action` ("send", "create room", …) failed with `error`.
    void roomActionFailed(const QString &action, const trellis::Error &error);

private:
    Result<ServerStatus> open();
    /// The rooms list's unread count of `room` for `owner`.
    Result<int> unreadMessages(const RoomId &room, const UserId &owner);
    Result<void> ensureAccount();
    Result<QStringList> listen();
    void shutDown();
    /// The owner as the desktop's own device; nullopt before the account exists.
    std::optional<services::Session> desktopSession() const;
    /// The desktop session and the parsed room for an action on `roomId`; nullopt (after
    /// roomActionFailed(action, …)) without an account or with a malformed room ID.
    std::optional<std::pair<services::Session, RoomId>> ownerInRoom(const QString &action, const QString &roomId);

    struct Parts;
    HomeserverOptions m_options;
    std::unique_ptr<Parts> d;
};

} // namespace trellis::server
