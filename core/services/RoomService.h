#pragma once
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/RoomAlias.h"
#include "core/base/RoomId.h"
#include "core/events/Pdu.h"
#include "core/json/Value.h"
#include "core/services/Session.h"
#include "core/rooms/LocalEventBuilder.h"
#include "core/stateres/StateSet.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <functional>
#include <optional>
#include <vector>

namespace trellis::storage {
class Database;
class EventStore;
class RoomStore;
class AccountStore;
}


namespace trellis::services {

class SyncNotifier;
class StoreEventProvider;

/// A membership change the owner asks for (client-server-api "Room membership").
enum class MembershipAction { Invite, Join, Leave, Kick, Ban, Unban };

/// What the room directory shows of a room (client-server-api "Listing rooms").
struct RoomSummary
{
    RoomId roomId;
    QString version;
    QString membership; ///< the user's, in roomsOf()
    QString name;
    QString topic;
    QString canonicalAlias;
    QString avatarUrl;
    QString joinRule;
    QByteArray powerLevels; ///< m.room.power_levels content as canonical JSON, empty if none
    QString roomType;
    int joinedMembers = 0;
    bool worldReadable = false;
    bool guestCanJoin = false;
};

/// The owner's actions in local rooms: every event goes through the rooms engine (built,
/// hashed, signed, authorised against its auth events and the state before it) and is
/// persisted with its state in one transaction before the caller hears of it.
class RoomService : public QObject
{
    Q_OBJECT
public:
    RoomService(storage::Database &db, storage::EventStore &events, storage::RoomStore &rooms,
                storage::AccountStore &accounts, const rooms::LocalEventBuilder &builder,
                SyncNotifier &notifier, std::function<qint64()> clock, QObject *parent = nullptr);

    /// The version of rooms created without `room_version` (the config's rooms/default_version;
    /// the spec's recommendation, 12, unless set).
    void setDefaultRoomVersion(const events::RoomVersion &version) { m_defaultVersion = &version; }
    const events::RoomVersion &defaultRoomVersion() const { return *m_defaultVersion; }

    // --- writes ---
    /// POST /createRoom; the new room's ID.
    Result<RoomId> createRoom(const Session &caller, const json::Object &request);
    /// A message or state event; idempotent per device and transaction ID when `txnId` is set.
    Result<EventId> send(const Session &caller, const RoomId &room, const QString &type,
                                 const std::optional<QString> &stateKey, const json::Object &content,
                                 const std::optional<QString> &txnId);
    /// The same as send(), answered through `done` once the event is committed. The sends
    /// that arrive within one pass of the event loop are stored in one transaction, each in
    /// its own savepoint (a group commit): one failing spares the others, and the commit's
    /// write-ahead-log writes are shared, which is most of what a send costs.
    using SendDone = std::function<void(const Result<EventId> &)>;
    void queueSend(const Session &caller, const RoomId &room, const QString &type,
                   const std::optional<QString> &stateKey, const json::Object &content,
                   const std::optional<QString> &txnId, SendDone done);
    Result<EventId> redact(const Session &caller, const RoomId &room, const EventId &target,
                                   const std::optional<QString> &reason, const QString &txnId);
    Result<EventId> changeMembership(const Session &caller, const RoomId &room, MembershipAction action,
                                             const UserId &target, const std::optional<QString> &reason);
    /// Joins by room ID or alias; the room joined.
    Result<RoomId> join(const Session &caller, const QString &roomIdOrAlias,
                                const std::optional<QString> &reason);
    /// Forgets a room the owner has left (POST /forget).
    Result<void> forget(const Session &caller, const RoomId &room);
    /// Updates the owner's member events in every joined room after a profile change.
    Result<void> propagateProfile(const Session &caller);

    // --- aliases (client-server-api "Room aliases") ---
    Result<void> createAlias(const Session &caller, const RoomAlias &alias, const RoomId &room);
    Result<void> deleteAlias(const Session &caller, const RoomAlias &alias);
    Result<RoomId> resolveAlias(const RoomAlias &alias);
    Result<QStringList> aliasesOf(const Session &caller, const RoomId &room);
    Result<void> setVisibility(const Session &caller, const RoomId &room, bool isPublic);
    Result<bool> isPublic(const RoomId &room);
    Result<QList<RoomSummary>> publicRooms();
    /// The rooms the user has joined or is invited to, joined ones first.
    Result<QList<RoomSummary>> roomsOf(const UserId &user);
    /// Every event of the room, oldest first (a room dump), for the GUI's explorer.
    Result<json::Array> roomDump(const RoomId &room);

    // --- reads (visibility checked against the caller's membership) ---
    /// The owner's membership in the room ("join", "invite", "leave", "ban"), or empty.
    Result<QString> membership(const RoomId &room, const UserId &user);
    Result<QList<RoomId>> joinedRooms(const UserId &user);
    /// The current state, or (for a room left) the state when the caller left it.
    Result<QList<events::Pdu>> visibleState(const Session &caller, const RoomId &room);
    Result<events::Pdu> visibleEvent(const Session &caller, const RoomId &room, const EventId &id);

Q_SIGNALS:
    /// A room's DAG or state changed (for the GUI's snapshots).
    void roomChanged(const trellis::RoomId &room);

private:
    /// The room's head as the next event attaches to it; M_FORBIDDEN for an unknown room
    /// (the caller is not in it, whatever else is true).
    Result<rooms::RoomHead> head(const RoomId &room, StoreEventProvider &provider);
    /// Builds, authorises and persists one event; the caller holds the transaction.
    Result<events::Pdu> append(rooms::RoomHead &head, const rooms::LocalEvent &event,
                               StoreEventProvider &provider, const Session *txnOwner = nullptr,
                               const QString &txnId = {});
    /// Builds and persists one event in its own transaction, then tells whoever waits.
    Result<EventId> sendOne(const RoomId &room, const rooms::LocalEvent &event,
                            const Session *txnOwner = nullptr, const QString &txnId = {});
    Result<RoomSummary> summary(const RoomId &room, StoreEventProvider &provider);
    json::Object ownProfile() const;
    void changed(const RoomId &room);
    /// Runs every queued send in one transaction and answers them after its commit.
    void flushQueuedSends();

    struct QueuedSend
    {
        Session caller;
        RoomId room;
        QString type;
        std::optional<QString> stateKey;
        json::Object content;
        std::optional<QString> txnId;
        SendDone done;
    };

    storage::Database &m_db;
    storage::EventStore &m_events;
    storage::RoomStore &m_rooms;
    storage::AccountStore &m_accounts;
    const rooms::LocalEventBuilder &m_builder;
    SyncNotifier &m_notifier;
    std::function<qint64()> m_clock;
    const events::RoomVersion *m_defaultVersion = &events::RoomVersion::defaultVersion();
    /// Each room's head after the last event this service stored: this service is the only
    /// writer of local rooms, so the head need not be read back for every send.
    QHash<RoomId, rooms::RoomHead> m_heads;
    std::vector<QueuedSend> m_queuedSends;
    /// While a group of sends is in its transaction, the rooms it changed: whoever waits
    /// hears of them only after the commit.
    std::optional<QSet<RoomId>> m_changedInGroup;
};

} // namespace trellis::services
