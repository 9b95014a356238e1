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
/// MUST apply the events implied by the request in the following order").
struct CreateRoomPlan
{
    const events::RoomVersion *version = nullptr;
    QList<LocalEvent> events;
    std::optional<RoomAlias> alias; ///< from room_alias_name, to register after creation
    bool publish = false;           ///< visibility: public (the server's room directory)

    /// Parses the request body (hostile: every field is type-checked). `creatorProfile` holds
    /// the creator's displayname/avatar_url for their join event.
    static Result<CreateRoomPlan> parse(const json::Object &request, const UserId &creator,
                                        const ServerName &serverName,
                                        const json::Object &creatorProfile, qint64 nowMs);
};

} // namespace trellis::rooms
