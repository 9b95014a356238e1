#pragma once
#include "core/base/Result.h"
#include "core/base/RoomAlias.h"
#include "core/base/ServerName.h"
#include "core/events/RoomVersion.h"
#include "core/rooms/LocalEventBuilder.h"

#include <QList>
#include <optional>

namespace trellis::rooms {

/// What POST /createRoom asks for, as the events to create in order (create_room.yaml: "It
/// MUST apply the events implied by the request in the following order"): create, the
/// creator's join, power levels, canonical alias, the preset's join rules, history visibility
/// and guest access, initial_state, name, topic, invites.
///
/// Per version: `creator` in the create content up to v10 (rooms/v11 dropped it, and a
/// client's `creator` is removed there); in v12 the creator is not listed in the power
/// levels' users (creators have infinite power), `trusted_private_chat` invitees become
/// `additional_creators`, and m.room.tombstone needs 150, more than state_default.
struct CreateRoomPlan
{
    const events::RoomVersion *version = nullptr;
    /// Versions 1-11: a fresh `!<18 letters>:<server>`. Version 12: absent, the create
    /// event's reference hash names the room (build() and RoomHead::advance() take it).
    std::optional<RoomId> roomId;
    QList<LocalEvent> events;
    std::optional<RoomAlias> alias; ///< from room_alias_name, to register after creation
    bool publish = false;           ///< visibility: public (the server's room directory)

    /// Parses the request body (hostile: every field is type-checked: M_BAD_JSON; bad values:
    /// M_INVALID_PARAM; an unknown room_version: M_UNSUPPORTED_ROOM_VERSION; invite_3pid is
    /// not supported: M_INVALID_PARAM). `creatorProfile` holds the creator's
    /// displayname/avatar_url for their join event. Without `room_version`, the room is of
    /// `defaultVersion` (the server's configured default).
    static Result<CreateRoomPlan> parse(
        const json::Object &request, const UserId &creator, const ServerName &serverName,
        const json::Object &creatorProfile, qint64 nowMs,
        const events::RoomVersion &defaultVersion = events::RoomVersion::defaultVersion());

    /// The head the first event (the create event) is built on.
    RoomHead initialHead() const;

    /// Builds every event of the plan in order, in memory (a new room needs no other event).
    /// The room ID is `events.first().pdu.roomId()`, the state `events.last().stateAfter`.
    /// Fails on the first event refused (e.g. M_FORBIDDEN for an initial_state event the
    /// power levels forbid, M_TOO_LARGE for an oversized name): nothing is to be stored then.
    Result<QList<BuiltEvent>> build(const LocalEventBuilder &builder) const;
};

} // namespace trellis::rooms
