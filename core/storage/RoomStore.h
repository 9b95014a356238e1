#pragma once
#include "core/base/EventId.h"
#include "core/base/Result.h"
#include "core/base/RoomAlias.h"
#include "core/base/RoomId.h"
#include "core/base/UserId.h"
#include "core/stateres/StateSet.h"
#include "core/storage/Database.h"

#include <memory>
#include <optional>

namespace trellis::storage {

struct RoomRecord
{
    RoomId roomId;
    QString version;
    UserId creator;
    qint64 createdTs = 0;
    bool isPublic = false;
};

/// A user's membership of a room: the latest member event about them.
struct Membership
{
    QString membership;
    EventId eventId;
    qint64 streamOrdering = 0;
};

struct MembershipChange
{
    RoomId roomId;
    QString membership;
    EventId eventId;
    qint64 streamOrdering = 0;
};

/// Rooms as a whole: the room list, forward extremities, current state and memberships
/// (written by EventStore::persist, read here), aliases and the room directory.
class RoomStore
{
public:
    static Result<std::unique_ptr<RoomStore>> open(Database &db);

    /// M_ROOM_IN_USE if the room exists.
    Result<void> createRoom(const RoomId &room, const QString &version, const UserId &creator, qint64 nowMs);
    Result<std::optional<RoomRecord>> room(const RoomId &room);
    /// Sorted by event ID.
    Result<QList<EventId>> extremities(const RoomId &room);
    Result<stateres::StateSet> currentState(const RoomId &room);
    /// The event at (type, stateKey) of the room's current state, nullopt when there is none.
    Result<std::optional<EventId>> currentStateEvent(const RoomId &room, const QString &type,
                                                     const QString &stateKey);

    Result<std::optional<Membership>> membership(const RoomId &room, const UserId &user);
    /// Rooms where the user's membership is `membership` (forgotten rooms left out).
    Result<QList<RoomId>> roomsWithMembership(const UserId &user, const QString &membership);
    /// The user's latest membership change in each room where it changed after `position`.
    Result<QList<MembershipChange>> membershipChangesAfter(const UserId &user, qint64 position);
    Result<void> forgetRoom(const RoomId &room, const UserId &user);

    /// M_ROOM_IN_USE if the alias is taken.
    Result<void> createAlias(const RoomAlias &alias, const RoomId &room, const UserId &creator);
    Result<void> deleteAlias(const RoomAlias &alias);
    Result<std::optional<RoomId>> roomForAlias(const RoomAlias &alias);
    Result<QStringList> aliasesForRoom(const RoomId &room);
    Result<void> setPublic(const RoomId &room, bool isPublic);
    Result<QList<RoomId>> publicRooms();

private:
    explicit RoomStore(Database &db) : m_db(db) {}
    Result<QList<RoomId>> roomList(QSqlQuery &query);

    Database &m_db;
};

} // namespace trellis::storage
