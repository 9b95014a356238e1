#pragma once
#include "core/base/Result.h"
#include "core/events/Pdu.h"

#include <QList>

namespace trellis::room {

/// A room dump: a JSON array of PDUs, the format `trellis-cli dag export` writes and the
/// explorer opens.
struct RoomDump
{
    const events::RoomVersion *version = nullptr;
    QList<events::Pdu> events;
};

/// Reads a dump. The room version is `version` if given, else the create event's
/// `content.room_version` ("1" when absent, as for the oldest rooms). Each event must be a
/// well-formed PDU of that version; errors name the array index.
Result<RoomDump> readRoomDump(std::string_view bytes, const events::RoomVersion *version = nullptr);

/// The dump as a JSON array, events in the given order.
json::Array roomDumpToJson(const QList<events::Pdu> &events);

} // namespace trellis::room
